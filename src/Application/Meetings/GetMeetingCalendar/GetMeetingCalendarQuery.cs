using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Time;
using Salon.Domain.Common;
using Salon.Domain.Meetings;

namespace Salon.Application.Meetings.GetMeetingCalendar;

/// <summary>GET /api/meetings/{id}/calendar.ics: the meeting as an RFC 5545 iCalendar file, for accepted
/// applicants (and officials) only, since it carries the join URL or the exact venue.</summary>
public sealed record GetMeetingCalendarQuery(Guid MemberId, bool IsOfficial, Guid MeetingId) : IQuery<CalendarFile>;

public sealed class GetMeetingCalendarQueryHandler(IMeetingsDb db, IOptions<SalonOptions> options, TimeProvider time)
    : IQueryHandler<GetMeetingCalendarQuery, CalendarFile>
{
    public async ValueTask<CalendarFile> Handle(GetMeetingCalendarQuery query, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == query.MeetingId, cancellationToken)
            ?? throw MeetingViews.NotFound();
        var accepted = await db.MeetingApplications.AnyAsync(
            a => a.MeetingId == query.MeetingId && a.MemberId == query.MemberId && a.Status == ApplicationStatus.Accepted, cancellationToken);
        if (!accepted && !query.IsOfficial)
        {
            throw SalonException.Forbidden(new LocalizedText(
                "カレンダーは参加が決まった方だけがダウンロードできます。",
                "Only accepted applicants can download the calendar entry."));
        }

        var host = Uri.TryCreate(options.Value.PublicBaseUrl, UriKind.Absolute, out var baseUri) ? baseUri.Host : "salon";
        return new CalendarFile($"meeting-{meeting.Id:N}.ics", ICalendar.Write(meeting, host, time.UtcNow()));
    }
}
