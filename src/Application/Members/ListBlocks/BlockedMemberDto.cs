namespace Salon.Application.Members.ListBlocks;

public sealed record BlockedMemberDto(Guid MemberId, string Nickname, DateTime BlockedAt);
