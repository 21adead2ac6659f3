namespace Salon.WebApi.Moderation;

internal sealed record FileReportRequest(Guid PostId, string Reason, string? Note);
