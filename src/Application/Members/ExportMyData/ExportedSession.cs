namespace Salon.Application.Members.ExportMyData;

public sealed record ExportedSession(DateTime CreatedAt, DateTime LastRefreshedAt, DateTime ExpiresAt, DateTime? RevokedAt);
