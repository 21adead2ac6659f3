using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Meetings;

namespace Salon.Application.Meetings.ListApplications;

/// <summary>GET /api/meetings/{id}/applications (officials): applicants in arrival order with nickname,
/// family positions, status, time and note, and the counts per status. Never an e-mail.</summary>
public sealed record ListApplicationsQuery(Guid MeetingId, string? Cursor, int? Limit) : IQuery<ApplicationsPage>;

public sealed class ListApplicationsQueryHandler(IMeetingsDb db, IMemberDirectory directory) : IQueryHandler<ListApplicationsQuery, ApplicationsPage>
{
    public async ValueTask<ApplicationsPage> Handle(ListApplicationsQuery query, CancellationToken cancellationToken)
    {
        var capacity = await db.Meetings.Where(m => m.Id == query.MeetingId).Select(m => (int?)m.Capacity).SingleOrDefaultAsync(cancellationToken)
            ?? throw MeetingViews.NotFound();
        var size = PageLimits.Clamp(query.Limit);
        var applications = db.MeetingApplications.AsNoTracking().Where(a => a.MeetingId == query.MeetingId);
        var page = applications;
        if (KeysetCursor.Decode(query.Cursor) is { } after)
        {
            page = page.Where(a => a.AppliedAt > after.At || (a.AppliedAt == after.At && a.Id.CompareTo(after.Id) > 0));
        }

        var rows = await page.OrderBy(a => a.AppliedAt).ThenBy(a => a.Id).Take(size + 1)
            .Join(directory.Cards, a => a.MemberId, c => c.Id, (a, c) => new { Application = a, c.Nickname, c.FamilyPositions })
            .ToListAsync(cancellationToken);
        var counts = await applications.GroupBy(a => a.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(ApplicationStatus status) => counts.Where(c => c.Status == status).Sum(c => c.Count);

        var items = rows.Take(size).Select(r => new ApplicationDto(
            r.Application.Id,
            new ApplicantDto(r.Application.MemberId, r.Nickname, FamilyPositionNames.ToNames(r.FamilyPositions)),
            MeetingNames.Of(r.Application.Status),
            r.Application.AppliedAt,
            r.Application.AcceptedAt,
            r.Application.WithdrawnAt,
            r.Application.Note)).ToList();
        var next = rows.Count > size ? new KeysetCursor(rows[size - 1].Application.AppliedAt, rows[size - 1].Application.Id).Encode() : null;
        return new ApplicationsPage(items, next, new ApplicationCounts(Count(ApplicationStatus.Accepted), Count(ApplicationStatus.Waitlisted), Count(ApplicationStatus.Withdrawn), capacity));
    }
}
