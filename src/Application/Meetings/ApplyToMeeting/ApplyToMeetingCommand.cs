using FluentValidation;
using Mediator;
using Salon.Application.Common.Time;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Meetings;

namespace Salon.Application.Meetings.ApplyToMeeting;

/// <summary>POST /api/meetings/{id}/applications: <c>accepted</c> while seats remain, otherwise
/// <c>waitlisted</c> in arrival order. 422 when not eligible, past the deadline, cancelled or started;
/// 409 when already applied.</summary>
public sealed record ApplyToMeetingCommand(Guid MemberId, Guid MeetingId, string? Note) : ICommand<ApplicationResultDto>;

public sealed class ApplyToMeetingCommandValidator : AbstractValidator<ApplyToMeetingCommand>
{
    public ApplyToMeetingCommandValidator()
    {
        RuleFor(c => c.MemberId).NotEmpty();
        RuleFor(c => c.Note).MaximumLength(MeetingApplication.NoteMaxLength)
            .WithMessage(_ => new LocalizedText(
                $"メモは{MeetingApplication.NoteMaxLength}文字以内で入力してください。",
                $"The note must be at most {MeetingApplication.NoteMaxLength} characters.").Current);
    }
}

public sealed class ApplyToMeetingCommandHandler(IMeetingsDb db, IMemberDirectory directory, TimeProvider time)
    : ICommandHandler<ApplyToMeetingCommand, ApplicationResultDto>
{
    public async ValueTask<ApplicationResultDto> Handle(ApplyToMeetingCommand command, CancellationToken cancellationToken)
    {
        var standing = await directory.RequireMayPostAsync(
            command.MemberId,
            new LocalizedText("現在、申し込みできません。", "You cannot apply at the moment."),
            cancellationToken);

        await using var locked = await LockedMeeting.AcquireAsync(db, command.MeetingId, cancellationToken) ?? throw MeetingViews.NotFound();
        var now = time.UtcNow();
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        var application = locked.Meeting.ApplyFor(command.MemberId, standing.FamilyPositions, note, now);
        var position = locked.Meeting.WaitlistPositionOf(application);
        await locked.SaveAndCommitAsync(db, cancellationToken);
        return new ApplicationResultDto(command.MeetingId, MeetingNames.Of(application.Status), application.AppliedAt, position);
    }
}
