using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Members.Contracts;
using Salon.Application.Members.GetMe;

namespace Salon.Application.Members.ExportMyData;

/// <summary>GET /api/me/export: everything Salon stores about the member and everything they wrote,
/// one section per module.</summary>
public sealed record ExportMyDataQuery(Guid MemberId) : IQuery<MemberDataExport>;

public sealed class ExportMyDataQueryHandler(
    IMembersDb db,
    IMediator mediator,
    IEnumerable<IPersonalDataContributor> contributors,
    TimeProvider time) : IQueryHandler<ExportMyDataQuery, MemberDataExport>
{
    public async ValueTask<MemberDataExport> Handle(ExportMyDataQuery query, CancellationToken cancellationToken)
    {
        var profile = await mediator.Send(new GetMeQuery(query.MemberId), cancellationToken);
        var sessions = await db.MemberSessions.AsNoTracking()
            .Where(s => s.MemberId == query.MemberId)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new ExportedSession(s.CreatedAt, s.LastRefreshedAt, s.ExpiresAt, s.RevokedAt))
            .ToListAsync(cancellationToken);
        var blocks = await db.MemberBlocks.AsNoTracking()
            .Where(b => b.BlockerId == query.MemberId)
            .Join(db.Members, b => b.BlockedId, m => m.Id, (b, m) => new ExportedBlock(m.Id, m.Nickname, b.CreatedAt))
            .ToListAsync(cancellationToken);

        var lastSeenAt = await db.Members.AsNoTracking().Where(m => m.Id == query.MemberId).Select(m => m.LastSeenAt).SingleOrDefaultAsync(cancellationToken);

        var sections = new Dictionary<string, object>
        {
            ["profile"] = profile,
            ["activity"] = new { lastSeenAt },
            ["sessions"] = sessions,
            ["blocks"] = blocks,
        };
        foreach (var contributor in contributors)
        {
            sections[contributor.Section] = await contributor.CollectAsync(query.MemberId, cancellationToken);
        }

        return new MemberDataExport(time.UtcNow(), sections);
    }
}
