using System.Globalization;
using System.Text;
using Salon.Domain.Meetings;

namespace Salon.Application.Meetings.GetMeetingCalendar;

/// <summary>Writes one VEVENT per RFC 5545: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
/// sequence), TEXT values escaped, times in UTC ("Z").</summary>
internal static class ICalendar
{
    public static string Write(Meeting meeting, string host, DateTime now)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Salon//Meetings//JA",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:{meeting.Id:D}@{host}",
            $"DTSTAMP:{Utc(now)}",
            $"DTSTART:{Utc(meeting.StartsAt)}",
            $"DTEND:{Utc(meeting.EndsAt)}",
            $"SEQUENCE:{meeting.CalendarSequence.ToString(CultureInfo.InvariantCulture)}",
            "SUMMARY:" + Text(meeting.Title),
        };
        if (meeting.Description.Length > 0)
        {
            lines.Add("DESCRIPTION:" + Text(meeting.Description));
        }

        var location = meeting.Format == MeetingFormat.Online ? meeting.JoinUrl : meeting.Venue ?? meeting.Area;
        if (!string.IsNullOrEmpty(location))
        {
            lines.Add("LOCATION:" + Text(location));
        }

        if (meeting.Format == MeetingFormat.Online && meeting.JoinUrl is not null)
        {
            lines.Add("URL:" + meeting.JoinUrl);
        }

        lines.Add(meeting.IsCancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");

        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(builder, line);
        }

        return builder.ToString();
    }

    private static string Utc(DateTime value) => value.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Text(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    private static void Fold(StringBuilder builder, string line)
    {
        // 75 octets on the first line, then a space plus 74 octets on each continuation.
        var octets = 0;
        var limit = 75;
        var enumerator = StringInfo.GetTextElementEnumerator(line);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > limit)
            {
                builder.Append("\r\n ");
                octets = 0;
                limit = 74;
            }

            builder.Append(element);
            octets += size;
        }

        builder.Append("\r\n");
    }
}
