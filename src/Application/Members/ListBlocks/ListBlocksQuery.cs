using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;

namespace Salon.Application.Members.ListBlocks;

/// <summary>GET /api/me/blocks, newest first.</summary>
public sealed record ListBlocksQuery(Guid MemberId, string? Cursor, int? Limit) : IQuery<Page<BlockedMemberDto>>;

public sealed class ListBlocksQueryHandler(IMembersDb db) : IQueryHandler<ListBlocksQuery, Page<BlockedMemberDto>>
{
    public async ValueTask<Page<BlockedMemberDto>> Handle(ListBlocksQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Clamp(query.Limit);
        var after = KeysetCursor.Decode(query.Cursor);
        var blocks = db.MemberBlocks.AsNoTracking().Where(b => b.BlockerId == query.MemberId);
        if (after is { } c)
        {
            blocks = blocks.Where(b => b.CreatedAt < c.At || (b.CreatedAt == c.At && b.BlockedId.CompareTo(c.Id) < 0));
        }

        // Ordered and cut in SQL, so the cursor below is taken from the order the database used.
        var rows = await blocks
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.BlockedId)
            .Take(limit + 1)
            .Join(db.Members, b => b.BlockedId, m => m.Id, (b, m) => new { m.Id, m.Nickname, b.CreatedAt })
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new BlockedMemberDto(r.Id, r.Nickname, r.CreatedAt))
            .ToListAsync(cancellationToken);

        var next = rows.Count > limit ? new KeysetCursor(rows[limit - 1].BlockedAt, rows[limit - 1].MemberId).Encode() : null;
        return new Page<BlockedMemberDto>(rows.Take(limit).ToList(), next);
    }
}
