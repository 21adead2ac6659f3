using Salon.Domain.Common;

namespace Salon.Domain.Consultations.Events;

/// <summary>A consultation was posted. Text is included so screening (moderation) can run in the same
/// transaction; handlers must never log it.</summary>
public sealed record TopicCreated(Guid TopicId, Guid BoardId, Guid AuthorId, bool IsAnonymous, string Title, string Body, DateTime OccurredAt) : IDomainEvent;

/// <summary>A reply was posted. <c>IsVisible</c> is false when it is held for review (nobody should be told of it yet).</summary>
public sealed record ReplyPosted(Guid ReplyId, Guid TopicId, Guid TopicAuthorId, Guid AuthorId, bool IsAnonymous, string Body, bool IsVisible, DateTime OccurredAt) : IDomainEvent;

/// <summary>A member reacted to a post. <see cref="KindName"/> is the API name (<c>relate</c>, <c>thanks</c>,
/// <c>support</c>), for modules that may not use Consultations' domain types.</summary>
public sealed record ReactionAdded(Guid PostId, PostKind PostKind, Guid TopicId, Guid PostAuthorId, Guid MemberId, ReactionKind Kind, DateTime OccurredAt) : IDomainEvent
{
    public string KindName => ReactionKindNames.ToName(Kind);
}

public sealed record PostEdited(Guid PostId, PostKind PostKind, Guid TopicId, Guid AuthorId, string Text, DateTime OccurredAt) : IDomainEvent;

public sealed record PostDeleted(Guid PostId, PostKind PostKind, Guid TopicId, Guid AuthorId, DateTime OccurredAt) : IDomainEvent;
