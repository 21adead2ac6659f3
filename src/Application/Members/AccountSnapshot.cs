namespace Salon.Application.Members;

public sealed record AccountSnapshot(Guid MemberId, string Email, bool EmailConfirmed);
