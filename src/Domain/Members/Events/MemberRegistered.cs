using Salon.Domain.Common;

namespace Salon.Domain.Members.Events;

public sealed record MemberRegistered(Guid MemberId, DateTime OccurredAt) : IDomainEvent;
