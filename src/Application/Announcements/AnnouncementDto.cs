namespace Salon.Application.Announcements;

/// <summary>An announcement. <c>status</c> is <c>published</c>, or <c>scheduled</c> (officials only see those).</summary>
public sealed record AnnouncementDto(
    Guid Id,
    string Title,
    string Body,
    bool Pinned,
    bool Public,
    DateTime PublishAt,
    DateTime CreatedAt,
    DateTime? EditedAt,
    bool Edited,
    string Status,
    AnnouncementAuthorDto Author);
