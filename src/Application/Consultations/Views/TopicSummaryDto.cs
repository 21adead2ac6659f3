
namespace Salon.Application.Consultations.Views;

/// <summary>A topic in a list: an excerpt, not the whole body.</summary>
public sealed record TopicSummaryDto(
    Guid Id,
    string BoardSlug,
    string Title,
    string Excerpt,
    AuthorDto Author,
    bool IsMine,
    IReadOnlyList<string> Tags,
    bool RepliesWelcome,
    string? ContentWarning,
    bool IsClosed,
    string Status,
    DateTime CreatedAt,
    DateTime? EditedAt,
    DateTime LastActivityAt,
    int ReplyCount,
    ReactionCountsDto ReactionCounts,
    int? UnreadReplies);
