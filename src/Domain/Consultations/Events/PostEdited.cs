using Salon.Domain.Common;

namespace Salon.Domain.Consultations.Events;

public sealed record PostEdited(Guid PostId, PostKind PostKind, Guid TopicId, Guid AuthorId, string Text, DateTime OccurredAt) : IDomainEvent;
