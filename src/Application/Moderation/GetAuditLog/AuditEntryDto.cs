namespace Salon.Application.Moderation.GetAuditLog;

public sealed record AuditEntryDto(Guid Id, Guid ActorId, string ActorNickname, string Action, string TargetType, Guid? TargetId, Guid? ItemId, string? Note, DateTime At);
