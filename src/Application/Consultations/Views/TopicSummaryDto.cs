
namespace Salon.Application.Consultations.Views;

/// <summary>A topic in a list: an excerpt, not the whole body. <see cref="UnreadReplies"/> is null without a read mark
/// of the viewer's; otherwise the visible replies since it, counted up to <see cref="UnreadRepliesCap"/> (a
/// badge shows 99+), so that a list costs the same however long its threads have grown. <see cref="Tags"/>: slugs in the
/// tags' display order (GET /api/tags), as in the topic's view.</summary>
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
    int? UnreadReplies)
{
    public const int UnreadRepliesCap = 100;
}
