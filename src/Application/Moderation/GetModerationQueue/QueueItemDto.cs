namespace Salon.Application.Moderation.GetModerationQueue;

public sealed record QueueItemDto(
    Guid Id,
    string Kind,
    bool Priority,
    string? Detail,
    int ReportCount,
    DateTime CreatedAt,
    QueuePostDto? Post,
    QueueAuthorDto? Member,
    IReadOnlyList<QueueReportDto> Reports);
