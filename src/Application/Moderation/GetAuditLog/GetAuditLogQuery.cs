using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;
using Salon.Application.Members.Contracts;

namespace Salon.Application.Moderation.GetAuditLog;

/// <summary>GET /api/moderation/audit (moderators): who did what, when; newest first.</summary>
public sealed record GetAuditLogQuery(string? Cursor, int? Limit) : IQuery<Page<AuditEntryDto>>;

public sealed record AuditEntryDto(Guid Id, Guid ActorId, string ActorNickname, string Action, string TargetType, Guid? TargetId, Guid? ItemId, string? Note, DateTime At);

public sealed class GetAuditLogQueryHandler(IModerationDb db, IMemberDirectory directory) : IQueryHandler<GetAuditLogQuery, Page<AuditEntryDto>>
{
    public async ValueTask<Page<AuditEntryDto>> Handle(GetAuditLogQuery query, CancellationToken cancellationToken)
    {
        var size = PageLimits.Clamp(query.Limit);
        var entries = db.AuditEntries.AsNoTracking();
        if (KeysetCursor.Decode(query.Cursor) is { } after)
        {
            entries = entries.Where(e => e.At < after.At || (e.At == after.At && e.Id.CompareTo(after.Id) < 0));
        }

        var rows = await entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(size + 1)
            .Join(directory.Cards, e => e.ActorId, c => c.Id, (e, c) => new { Entry = e, c.Nickname })
            .OrderByDescending(x => x.Entry.At).ThenByDescending(x => x.Entry.Id)
            .Select(x => new AuditEntryDto(x.Entry.Id, x.Entry.ActorId, x.Nickname, x.Entry.Action, x.Entry.TargetType, x.Entry.TargetId, x.Entry.ItemId, x.Entry.Note, x.Entry.At))
            .ToListAsync(cancellationToken);
        var next = rows.Count > size ? new KeysetCursor(rows[size - 1].At, rows[size - 1].Id).Encode() : null;
        return new Page<AuditEntryDto>(rows.Take(size).ToList(), next);
    }
}
