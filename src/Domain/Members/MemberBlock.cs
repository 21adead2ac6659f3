namespace Salon.Domain.Members;

/// <summary>The blocker no longer sees the blocked member's named content, and the blocked member cannot
/// reply to the blocker's named topics or react to their named posts. Anonymous posts are never touched by a
/// block, in either direction (ADR 0016).</summary>
public sealed class MemberBlock
{
    private MemberBlock()
    {
    }

    public Guid BlockerId { get; private set; }

    public Guid BlockedId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static MemberBlock Create(Guid blockerId, Guid blockedId, DateTime now)
    {
        if (blockerId == blockedId)
        {
            throw MemberErrors.CannotBlockSelf.Error();
        }

        return new MemberBlock { BlockerId = blockerId, BlockedId = blockedId, CreatedAt = now };
    }
}
