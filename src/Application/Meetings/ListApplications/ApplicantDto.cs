namespace Salon.Application.Meetings.ListApplications;

public sealed record ApplicantDto(Guid Id, string Nickname, IReadOnlyList<string> FamilyPositions);
