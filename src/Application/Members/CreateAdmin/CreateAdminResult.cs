namespace Salon.Application.Members.CreateAdmin;

public sealed record CreateAdminResult(Guid MemberId, bool Created);
