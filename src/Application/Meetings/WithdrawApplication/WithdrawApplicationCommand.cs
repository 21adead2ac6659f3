using FluentValidation;
using Mediator;
using Salon.Application.Common.Time;

namespace Salon.Application.Meetings.WithdrawApplication;

/// <summary>DELETE /api/meetings/{id}/applications/me: frees the seat, and the first waitlisted member is
/// promoted and notified. Idempotent: withdrawing when not applied is a 204 too.</summary>
public sealed record WithdrawApplicationCommand(Guid MemberId, Guid MeetingId) : ICommand;

public sealed class WithdrawApplicationCommandValidator : AbstractValidator<WithdrawApplicationCommand>
{
    public WithdrawApplicationCommandValidator() => RuleFor(c => c.MemberId).NotEmpty();
}

public sealed class WithdrawApplicationCommandHandler(IMeetingsDb db, TimeProvider time) : ICommandHandler<WithdrawApplicationCommand>
{
    public async ValueTask<Unit> Handle(WithdrawApplicationCommand command, CancellationToken cancellationToken)
    {
        await using var locked = await LockedMeeting.AcquireAsync(db, command.MeetingId, cancellationToken) ?? throw MeetingViews.NotFound();
        if (locked.Meeting.Withdraw(command.MemberId, time.UtcNow()))
        {
            await locked.SaveAndCommitAsync(db, cancellationToken);
        }

        return Unit.Value;
    }
}
