using Salon.Domain.Common;

namespace Salon.Domain.Consultations.Events;

public sealed record PostDeleted(Guid PostId, PostKind PostKind, Guid TopicId, Guid AuthorId, DateTime OccurredAt) : IDomainEvent;
