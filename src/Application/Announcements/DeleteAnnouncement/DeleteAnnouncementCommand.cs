using FluentValidation;
using Mediator;
using Salon.Application.Common.Time;

namespace Salon.Application.Announcements.DeleteAnnouncement;

/// <summary>DELETE /api/announcements/{id} (officials): soft deletion; it disappears from every list. Deleting
/// again is a 204; an unknown id a 404.</summary>
public sealed record DeleteAnnouncementCommand(Guid OfficialId, Guid AnnouncementId) : ICommand;

public sealed class DeleteAnnouncementCommandValidator : AbstractValidator<DeleteAnnouncementCommand>
{
    public DeleteAnnouncementCommandValidator() => RuleFor(c => c.OfficialId).NotEmpty();
}

public sealed class DeleteAnnouncementCommandHandler(IAnnouncementsDb db, TimeProvider time) : ICommandHandler<DeleteAnnouncementCommand>
{
    public async ValueTask<Unit> Handle(DeleteAnnouncementCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var announcement = await AnnouncementLock.AcquireAsync(db, command.AnnouncementId, cancellationToken) ?? throw AnnouncementViews.NotFound();
        announcement.Delete(time.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
