namespace Salon.Application.Meetings.ApplyToMeeting;

public sealed record ApplicationResultDto(Guid MeetingId, string Status, DateTime AppliedAt, int? WaitlistPosition);
