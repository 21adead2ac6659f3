using Salon.Application.Common.Paging;
using Salon.Application.Consultations.Views;

namespace Salon.Application.Consultations.GetTopic;

public sealed record TopicDetailDto(
    Guid Id,
    BoardRefDto Board,
    string Title,
    string Body,
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
    IReadOnlyList<string> MyReactions,
    bool IsFollowing,
    bool IsBookmarked,
    DateTime? LastReadAt,
    Page<ReplyDto> Replies);
