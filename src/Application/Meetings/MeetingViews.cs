using Salon.Application.Common.Time;
using Salon.Domain.Common;
using Salon.Domain.Meetings;

namespace Salon.Application.Meetings;

internal static class MeetingViews
{
    /// <summary>Meetings with their seat counts, the viewer's application and its place in the waitlist, in one
    /// statement whatever the number of meetings (no query per row).</summary>
    public static IQueryable<MeetingRow> Rows(IQueryable<Meeting> meetings, IQueryable<MeetingApplication> applications, Guid viewerId) =>
        meetings.Select(m => new MeetingRow(
            m,
            applications.Count(a => a.MeetingId == m.Id && a.Status == ApplicationStatus.Accepted),
            applications.Count(a => a.MeetingId == m.Id && a.Status == ApplicationStatus.Waitlisted),
            applications.FirstOrDefault(a => a.MeetingId == m.Id && a.MemberId == viewerId && a.Status != ApplicationStatus.Withdrawn),
            applications
                .Where(mine => mine.MeetingId == m.Id && mine.MemberId == viewerId && mine.Status == ApplicationStatus.Waitlisted)
                .Select(mine => (int?)(1 + applications.Count(a => a.MeetingId == m.Id && a.Status == ApplicationStatus.Waitlisted
                    && (a.AppliedAt < mine.AppliedAt || (a.AppliedAt == mine.AppliedAt && a.Id.CompareTo(mine.Id) < 0)))))
                .FirstOrDefault()));

    public static MeetingDto ToDto(MeetingRow row, MeetingViewer viewer, DateTime now)
    {
        var m = row.Meeting;
        var insider = viewer.IsOfficial || row.Mine?.Status == ApplicationStatus.Accepted;
        var accepting = !m.IsCancelled && now < m.StartsAt && now <= m.ApplicationDeadline;
        return new MeetingDto(
            m.Id,
            m.Title,
            m.Description,
            m.StartsAt,
            m.EndsAt,
            JapanTime.WithOffset(m.StartsAt),
            JapanTime.WithOffset(m.EndsAt),
            MeetingNames.Of(m.Format),
            m.Area,
            insider ? m.Venue : null,
            insider ? m.JoinUrl : null,
            m.Capacity,
            Math.Max(0, m.Capacity - row.Accepted),
            row.Waitlisted,
            FamilyPositionNames.ToNames(m.Eligibility),
            m.IsOpenTo(viewer.FamilyPositions),
            m.ApplicationDeadline,
            JapanTime.WithOffset(m.ApplicationDeadline),
            accepting,
            m.FeeNote,
            m.IsCancelled ? "cancelled" : now >= m.EndsAt ? "ended" : now >= m.StartsAt ? "in_progress" : "scheduled",
            m.CancelledAt,
            m.CancellationReason,
            row.Mine is { } mine ? new MyApplicationDto(MeetingNames.Of(mine.Status), mine.AppliedAt, row.WaitlistPosition) : null);
    }

    public static SalonException NotFound() => SalonException.NotFound(new LocalizedText("交流会が見つかりませんでした。", "The meeting was not found."));
}
