using Salon.Domain.Common;

namespace Salon.Domain.Consultations.Events;

/// <summary>A reply was posted. <c>IsVisible</c> is false when it is held for review (nobody should be told of it yet);
/// <c>TopicIsVisible</c> false when its topic is (then only the topic's author may see the thread, so its followers are
/// told nothing, not even the title). The topic's author and title travel with it, so that its notices need not read the
/// topic again (issue 15).</summary>
public sealed record ReplyPosted(Guid ReplyId, Guid TopicId, Guid TopicAuthorId, string TopicTitle, Guid AuthorId, bool IsAnonymous, string Body, bool IsVisible, bool TopicIsVisible, DateTime OccurredAt) : IDomainEvent;
