using Salon.Domain.Common;

namespace Salon.Application.Consultations.Contracts;

/// <summary>A post as a moderator sees it: with its author even when anonymous.</summary>
public sealed record ModeratedPost(
    Guid PostId,
    PostKind Kind,
    Guid TopicId,
    string TopicTitle,
    string Text,
    Guid AuthorId,
    bool IsAnonymous,
    string Status,
    bool IsDeleted,
    DateTime CreatedAt,
    DateTime? ModeratedAt = null);
