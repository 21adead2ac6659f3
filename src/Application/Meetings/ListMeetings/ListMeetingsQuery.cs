using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;
using Salon.Application.Common.Time;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Meetings;

namespace Salon.Application.Meetings.ListMeetings;

/// <summary>GET /api/meetings: meetings that have not ended, soonest first (cancelled ones included and marked,
/// so applicants see it); <c>?past=true</c> lists ended ones, latest first. Filters: <c>?format=online|offline</c>
/// and <c>?eligible=true</c> (only meetings open to the caller's family positions).</summary>
public sealed record ListMeetingsQuery(Guid MemberId, bool IsOfficial, bool Past, string? Cursor, int? Limit, string? Format = null, bool EligibleOnly = false)
    : IQuery<Page<MeetingDto>>;

public sealed class ListMeetingsQueryHandler(IMeetingsDb db, IMemberDirectory directory, TimeProvider time)
    : IQueryHandler<ListMeetingsQuery, Page<MeetingDto>>
{
    public async ValueTask<Page<MeetingDto>> Handle(ListMeetingsQuery query, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var size = PageLimits.Clamp(query.Limit);
        var after = KeysetCursor.Decode(query.Cursor);
        var viewer = await MeetingViewers.ForAsync(directory, query.MemberId, query.IsOfficial, cancellationToken);
        var meetings = db.Meetings.AsNoTracking();
        if (query.Format is not null)
        {
            var format = MeetingNames.ParseFormat(query.Format)
                ?? throw MeetingErrors.InvalidFormat.ForField("format");
            meetings = meetings.Where(m => m.Format == format);
        }

        if (query.EligibleOnly)
        {
            var positions = viewer.FamilyPositions;
            meetings = meetings.Where(m => m.Eligibility == FamilyPositions.None || (m.Eligibility & positions) != 0);
        }

        if (query.Past)
        {
            meetings = meetings.Where(m => m.EndsAt <= now);
            if (after is { } a)
            {
                meetings = meetings.Where(m => m.StartsAt < a.At || (m.StartsAt == a.At && m.Id.CompareTo(a.Id) < 0));
            }

            meetings = meetings.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id);
        }
        else
        {
            meetings = meetings.Where(m => m.EndsAt > now);
            if (after is { } a)
            {
                meetings = meetings.Where(m => m.StartsAt > a.At || (m.StartsAt == a.At && m.Id.CompareTo(a.Id) > 0));
            }

            meetings = meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id);
        }

        var rows = await MeetingViews.Rows(meetings.Take(size + 1), db.MeetingApplications, query.MemberId).ToListAsync(cancellationToken);
        var items = rows.Take(size).Select(r => MeetingViews.ToDto(r, viewer, now)).ToList();
        var next = rows.Count > size ? new KeysetCursor(rows[size - 1].Meeting.StartsAt, rows[size - 1].Meeting.Id).Encode() : null;
        return new Page<MeetingDto>(items, next);
    }
}
