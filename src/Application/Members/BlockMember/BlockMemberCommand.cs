using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Persistence;
using Salon.Application.Common.Time;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.BlockMember;

/// <summary>PUT /api/me/blocks/{memberId}. Idempotent.</summary>
public sealed record BlockMemberCommand(Guid MemberId, Guid BlockedId) : ICommand;

public sealed class BlockMemberCommandValidator : AbstractValidator<BlockMemberCommand>
{
    public BlockMemberCommandValidator()
    {
        RuleFor(c => c.MemberId).NotEmpty();
        RuleFor(c => c.BlockedId).NotEmpty();
    }
}

public sealed class BlockMemberCommandHandler(IMembersDb db, TimeProvider time) : ICommandHandler<BlockMemberCommand>
{
    public async ValueTask<Unit> Handle(BlockMemberCommand command, CancellationToken cancellationToken)
    {
        var exists = await db.Members.AnyAsync(m => m.Id == command.BlockedId && m.Status != MemberStatus.Deleted, cancellationToken);
        if (!exists)
        {
            throw SalonException.NotFound();
        }

        var block = MemberBlock.Create(command.MemberId, command.BlockedId, time.UtcNow());

        // Under the blocker's row lock, so that the same PUT sent twice at once cannot insert the pair twice.
        await db.InTransactionAsync(
            async ct =>
            {
                await MemberRowLock.AcquireAsync(db, command.MemberId, ct);
                if (!await db.MemberBlocks.AnyAsync(b => b.BlockerId == command.MemberId && b.BlockedId == command.BlockedId, ct))
                {
                    db.MemberBlocks.Add(block);
                    await db.SaveChangesAsync(ct);
                }
            },
            cancellationToken);

        return Unit.Value;
    }
}
