using FluentValidation;
using Mediator;
using Salon.Application.Common.Time;
using Salon.Application.Common.Validation;
using Salon.Application.Members.Contracts;
using Salon.Domain.Announcements;

namespace Salon.Application.Announcements.CreateAnnouncement;

/// <summary>POST /api/announcements (officials). Without <c>publishAt</c> (or with one in the past) it is
/// visible at once and members are told now; otherwise the publication job tells them when the time comes.</summary>
public sealed record CreateAnnouncementCommand(Guid AuthorId, string Title, string Body, bool Pinned, bool Public, DateTime? PublishAt)
    : ICommand<AnnouncementDto>;

public sealed class CreateAnnouncementCommandValidator : AbstractValidator<CreateAnnouncementCommand>
{
    public CreateAnnouncementCommandValidator()
    {
        RuleFor(c => c.AuthorId).NotEmpty();
        RuleFor(c => c.Title).ValidTitle(Announcement.TitleMaxLength);
        RuleFor(c => c.Body).ValidBody(Announcement.BodyMaxLength);
        RuleFor(c => c.PublishAt).PlausibleTime();
    }
}

public sealed class CreateAnnouncementCommandHandler(IAnnouncementsDb db, IMemberDirectory directory, TimeProvider time)
    : ICommandHandler<CreateAnnouncementCommand, AnnouncementDto>
{
    public async ValueTask<AnnouncementDto> Handle(CreateAnnouncementCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var announcement = Announcement.Create(command.AuthorId, command.Title, command.Body, command.Pinned, command.Public, JapanTime.AsUtc(command.PublishAt), now);
        db.Announcements.Add(announcement);
        await db.SaveChangesAsync(cancellationToken);
        return await AnnouncementViews.LoadAsync(db, directory, announcement.Id, now, cancellationToken);
    }
}
