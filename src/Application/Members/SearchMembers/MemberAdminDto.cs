namespace Salon.Application.Members.SearchMembers;

public sealed record MemberAdminDto(Guid Id, string Nickname, IReadOnlyList<string> Roles, bool Suspended, DateTime? SuspendedUntil, DateTime JoinedAt);
