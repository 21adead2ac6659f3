using Salon.Application.Consultations.Views;

namespace Salon.Application.Consultations.ListMyReplies;

public sealed record MyReplyDto(
    Guid Id,
    Guid TopicId,
    string TopicTitle,
    string Excerpt,
    bool Anonymous,
    string Status,
    DateTime CreatedAt,
    DateTime? EditedAt,
    ReactionCountsDto ReactionCounts);
