using FluentValidation;
using Mediator;
using Salon.Application.Common.Time;
using Salon.Application.Common.Validation;
using Salon.Application.Members.Contracts;
using Salon.Domain.Announcements;

namespace Salon.Application.Announcements.EditAnnouncement;

/// <summary>PATCH /api/announcements/{id} (officials): fields left null stay as they are. Edits after
/// publication are marked (<c>edited</c>); the schedule can move only before publication.</summary>
public sealed record EditAnnouncementCommand(Guid OfficialId, Guid AnnouncementId, string? Title, string? Body, bool? Pinned, bool? Public, DateTime? PublishAt)
    : ICommand<AnnouncementDto>;

public sealed class EditAnnouncementCommandValidator : AbstractValidator<EditAnnouncementCommand>
{
    public EditAnnouncementCommandValidator()
    {
        RuleFor(c => c.OfficialId).NotEmpty();
        RuleFor(c => c.Title).ValidTitle(Announcement.TitleMaxLength).When(c => c.Title is not null);
        RuleFor(c => c.Body).ValidBody(Announcement.BodyMaxLength).When(c => c.Body is not null);
        RuleFor(c => c.PublishAt).PlausibleTime();
    }
}

public sealed class EditAnnouncementCommandHandler(IAnnouncementsDb db, IMemberDirectory directory, TimeProvider time)
    : ICommandHandler<EditAnnouncementCommand, AnnouncementDto>
{
    public async ValueTask<AnnouncementDto> Handle(EditAnnouncementCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (await AnnouncementLock.AcquireAsync(db, command.AnnouncementId, cancellationToken) is not { IsDeleted: false } announcement)
        {
            throw AnnouncementViews.NotFound();
        }

        announcement.Edit(
            command.Title ?? announcement.Title,
            command.Body ?? announcement.Body,
            command.Pinned ?? announcement.Pinned,
            command.Public ?? announcement.IsPublic,
            JapanTime.AsUtc(command.PublishAt),
            now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await AnnouncementViews.LoadAsync(db, directory, announcement.Id, now, cancellationToken);
    }
}
