namespace Salon.Application.Moderation.FileReport;

public sealed record FileReportResult(Guid Id);
