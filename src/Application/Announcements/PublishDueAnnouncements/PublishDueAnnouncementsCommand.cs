using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;

namespace Salon.Application.Announcements.PublishDueAnnouncements;

/// <summary>The publication job (every minute): announcements whose <c>publishAt</c> has come are marked
/// published and members told, each exactly once (under the announcement's row lock, so overlapping runs
/// cannot both tell). Returns how many were published.</summary>
public sealed record PublishDueAnnouncementsCommand : ICommand<int>;

public sealed class PublishDueAnnouncementsCommandValidator : AbstractValidator<PublishDueAnnouncementsCommand>;

public sealed class PublishDueAnnouncementsCommandHandler(IAnnouncementsDb db, TimeProvider time)
    : ICommandHandler<PublishDueAnnouncementsCommand, int>
{
    public async ValueTask<int> Handle(PublishDueAnnouncementsCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var due = await db.Announcements.AsNoTracking()
            .Where(a => a.PublishedAt == null && a.DeletedAt == null && a.PublishAt <= now)
            .OrderBy(a => a.PublishAt)
            .Select(a => a.Id)
            .Take(50)
            .ToListAsync(cancellationToken);
        var published = 0;
        foreach (var id in due)
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            var announcement = await AnnouncementLock.AcquireAsync(db, id, cancellationToken);
            if (announcement is not null && announcement.PublishIfDue(time.UtcNow()))
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                published++;
            }
        }

        return published;
    }
}
