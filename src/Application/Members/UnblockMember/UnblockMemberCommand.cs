using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Salon.Application.Members.UnblockMember;

/// <summary>DELETE /api/me/blocks/{memberId}. Idempotent.</summary>
public sealed record UnblockMemberCommand(Guid MemberId, Guid BlockedId) : ICommand;

public sealed class UnblockMemberCommandValidator : AbstractValidator<UnblockMemberCommand>
{
    public UnblockMemberCommandValidator()
    {
        RuleFor(c => c.MemberId).NotEmpty();
        RuleFor(c => c.BlockedId).NotEmpty();
    }
}

public sealed class UnblockMemberCommandHandler(IMembersDb db) : ICommandHandler<UnblockMemberCommand>
{
    public async ValueTask<Unit> Handle(UnblockMemberCommand command, CancellationToken cancellationToken)
    {
        await db.MemberBlocks
            .Where(b => b.BlockerId == command.MemberId && b.BlockedId == command.BlockedId)
            .ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}
