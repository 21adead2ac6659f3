namespace Salon.Application.Meetings.ListApplications;

public sealed record ApplicationsPage(IReadOnlyList<ApplicationDto> Items, string? NextCursor, ApplicationCounts Counts);
