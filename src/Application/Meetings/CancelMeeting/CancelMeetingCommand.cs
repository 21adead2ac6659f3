using FluentValidation;
using Mediator;
using Salon.Application.Common.Time;
using Salon.Domain.Meetings;

namespace Salon.Application.Meetings.CancelMeeting;

/// <summary>POST /api/meetings/{id}/cancel (officials). Everyone who applied (accepted or waitlisted) is
/// notified. Cancelling twice is a 409.</summary>
public sealed record CancelMeetingCommand(Guid OfficialId, Guid MeetingId, string? Reason) : ICommand;

public sealed class CancelMeetingCommandValidator : AbstractValidator<CancelMeetingCommand>
{
    public CancelMeetingCommandValidator()
    {
        RuleFor(c => c.OfficialId).NotEmpty();
        RuleFor(c => c.Reason).MaximumLength(Meeting.FeeNoteMaxLength * 2);
    }
}

public sealed class CancelMeetingCommandHandler(IMeetingsDb db, TimeProvider time) : ICommandHandler<CancelMeetingCommand>
{
    public async ValueTask<Unit> Handle(CancelMeetingCommand command, CancellationToken cancellationToken)
    {
        await using var locked = await LockedMeeting.AcquireAsync(db, command.MeetingId, cancellationToken) ?? throw MeetingViews.NotFound();
        locked.Meeting.Cancel(string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim(), time.UtcNow());
        await locked.SaveAndCommitAsync(db, cancellationToken);
        return Unit.Value;
    }
}
