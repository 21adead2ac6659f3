namespace Salon.Application.Meetings.ListApplications;

public sealed record ApplicationDto(Guid Id, ApplicantDto Member, string Status, DateTime AppliedAt, DateTime? AcceptedAt, DateTime? WithdrawnAt, string? Note);
