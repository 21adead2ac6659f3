namespace Salon.Application.Moderation.GetModerationQueue;

/// <summary>A report as moderators see it: the reason and the reporter's note (the reporter is not named).</summary>
public sealed record QueueReportDto(string Reason, string? Note, DateTime CreatedAt);
