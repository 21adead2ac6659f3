using FluentValidation;
using Mediator;
using Salon.Application.Common.Time;
using Salon.Application.Members.Contracts;

namespace Salon.Application.Meetings.EditMeeting;

/// <summary>PATCH /api/meetings/{id} (officials). A larger capacity promotes waitlisted members at once
/// (they are notified); moving the start makes the reminders due again.</summary>
public sealed record EditMeetingCommand(Guid OfficialId, Guid MeetingId, MeetingInput Changes) : ICommand<MeetingDto>;

public sealed class EditMeetingCommandValidator : AbstractValidator<EditMeetingCommand>
{
    public EditMeetingCommandValidator()
    {
        RuleFor(c => c.OfficialId).NotEmpty();
        RuleFor(c => c.Changes).NotNull();
    }
}

public sealed class EditMeetingCommandHandler(IMeetingsDb db, IMemberDirectory directory, TimeProvider time)
    : ICommandHandler<EditMeetingCommand, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(EditMeetingCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        await using var locked = await LockedMeeting.AcquireAsync(db, command.MeetingId, cancellationToken) ?? throw MeetingViews.NotFound();
        var meeting = locked.Meeting;
        meeting.Edit(MeetingRules.Merge(meeting.Details, command.Changes, now), now);
        await locked.SaveAndCommitAsync(db, cancellationToken);

        var viewer = await MeetingViewers.ForAsync(directory, command.OfficialId, isOfficial: true, cancellationToken);
        var mine = meeting.Applications.SingleOrDefault(a => a.MemberId == command.OfficialId && a.IsActive);
        var row = new MeetingRow(meeting, meeting.AcceptedCount, meeting.Waitlist.Count(), mine, meeting.WaitlistPositionOf(mine));
        return MeetingViews.ToDto(row, viewer, now);
    }
}
