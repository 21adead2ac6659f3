namespace Salon.Application.Meetings.GetMeetingCalendar;

public sealed record CalendarFile(string FileName, string Content);
