using Salon.Domain.Common;

namespace Salon.Domain.Consultations.Events;

/// <summary>A reply was posted. <c>IsVisible</c> is false when it is held for review (nobody should be told of it yet).</summary>
public sealed record ReplyPosted(Guid ReplyId, Guid TopicId, Guid TopicAuthorId, Guid AuthorId, bool IsAnonymous, string Body, bool IsVisible, DateTime OccurredAt) : IDomainEvent;
