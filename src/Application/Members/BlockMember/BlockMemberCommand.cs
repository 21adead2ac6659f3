using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
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
        if (await db.MemberBlocks.AnyAsync(b => b.BlockerId == command.MemberId && b.BlockedId == command.BlockedId, cancellationToken))
        {
            return Unit.Value;
        }

        db.MemberBlocks.Add(block);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent PUT got there first: the block exists, which is what was asked.
        }

        return Unit.Value;
    }
}
