namespace Salon.Application.Meetings.ListApplications;

public sealed record ApplicationCounts(int Accepted, int Waitlisted, int Withdrawn, int Capacity);
