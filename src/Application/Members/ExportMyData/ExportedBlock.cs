namespace Salon.Application.Members.ExportMyData;

public sealed record ExportedBlock(Guid MemberId, string Nickname, DateTime BlockedAt);
