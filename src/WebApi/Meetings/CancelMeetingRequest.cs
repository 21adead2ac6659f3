namespace Salon.WebApi.Meetings;

internal sealed record CancelMeetingRequest(string? Reason);
