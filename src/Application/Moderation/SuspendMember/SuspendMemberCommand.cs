using FluentValidation;
using Mediator;
using Salon.Application.Common.Time;
using Salon.Application.Common.Validation;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Moderation;

namespace Salon.Application.Moderation.SuspendMember;

/// <summary>POST /api/moderation/members/{id}/suspend (moderators): until a date, or until lifted. The member
/// is signed out at once and told until when when they try to sign in.</summary>
public sealed record SuspendMemberCommand(Guid ModeratorId, bool ModeratorIsAdmin, Guid MemberId, DateTime? Until, string Reason) : ICommand;

public sealed class SuspendMemberCommandValidator : AbstractValidator<SuspendMemberCommand>
{
    public SuspendMemberCommandValidator()
    {
        RuleFor(c => c.MemberId).NotEmpty().NotEqual(c => c.ModeratorId)
            .WithMessage(_ => new LocalizedText("自分自身を利用停止にはできません。", "You cannot suspend yourself.").Current);
        RuleFor(c => c.Until).PlausibleTime();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
    }
}

public sealed class SuspendMemberCommandHandler(IModerationDb db, IMemberModeration members, TimeProvider time) : ICommandHandler<SuspendMemberCommand>
{
    public async ValueTask<Unit> Handle(SuspendMemberCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        if (command.Until is { } until && until.ToUniversalTime() <= now)
        {
            throw ModerationErrors.UntilPast.ForField("until");
        }

        switch (await members.SuspendAsync(command.MemberId, command.Until?.ToUniversalTime(), command.Reason.Trim(), command.ModeratorIsAdmin, now, cancellationToken))
        {
            case SuspendOutcome.NotFound:
                throw SalonException.NotFound();
            case SuspendOutcome.StaffNeedsAdmin:
                throw SalonException.Forbidden(new LocalizedText("運営メンバーの利用停止は管理者だけが行えます。", "Only an admin can suspend a member of staff."));
            case SuspendOutcome.LastAdmin:
                throw ModerationErrors.LastAdmin.Error();
        }

        db.AuditEntries.Add(AuditEntry.Record(command.ModeratorId, "suspend", "member", command.MemberId, null, command.Reason.Trim(), now));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
