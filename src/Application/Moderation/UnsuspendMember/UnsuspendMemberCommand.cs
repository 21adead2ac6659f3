using FluentValidation;
using Mediator;
using Salon.Application.Common.Time;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Moderation;

namespace Salon.Application.Moderation.UnsuspendMember;

/// <summary>POST /api/moderation/members/{id}/unsuspend (moderators).</summary>
public sealed record UnsuspendMemberCommand(Guid ModeratorId, Guid MemberId, string? Reason) : ICommand;

public sealed class UnsuspendMemberCommandValidator : AbstractValidator<UnsuspendMemberCommand>
{
    public UnsuspendMemberCommandValidator()
    {
        RuleFor(c => c.MemberId).NotEmpty();
        RuleFor(c => c.Reason).MaximumLength(1000);
    }
}

public sealed class UnsuspendMemberCommandHandler(IModerationDb db, IMemberModeration members, TimeProvider time) : ICommandHandler<UnsuspendMemberCommand>
{
    public async ValueTask<Unit> Handle(UnsuspendMemberCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        if (!await members.UnsuspendAsync(command.MemberId, now, cancellationToken))
        {
            throw SalonException.NotFound();
        }

        db.AuditEntries.Add(AuditEntry.Record(command.ModeratorId, "unsuspend", "member", command.MemberId, null, command.Reason, now));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
