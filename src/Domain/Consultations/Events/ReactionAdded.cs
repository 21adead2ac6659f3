using Salon.Domain.Common;

namespace Salon.Domain.Consultations.Events;

/// <summary>A member reacted to a post. <see cref="KindName"/> is the API name (<c>relate</c>, <c>thanks</c>,
/// <c>support</c>), for modules that may not use Consultations' domain types.</summary>
public sealed record ReactionAdded(Guid PostId, PostKind PostKind, Guid TopicId, Guid PostAuthorId, Guid MemberId, ReactionKind Kind, DateTime OccurredAt) : IDomainEvent
{
    public string KindName => ReactionKindNames.ToName(Kind);
}
