
namespace Salon.Application.Consultations.Views;

public sealed record ReplyDto(
    Guid Id,
    string? Body,
    AuthorDto? Author,
    bool IsMine,
    string? ContentWarning,
    bool Deleted,
    string Status,
    DateTime CreatedAt,
    DateTime? EditedAt,
    ReactionCountsDto ReactionCounts,
    IReadOnlyList<string> MyReactions);
