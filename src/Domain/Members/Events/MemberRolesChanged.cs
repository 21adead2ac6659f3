using Salon.Domain.Common;

namespace Salon.Domain.Members.Events;

public sealed record MemberRolesChanged(Guid MemberId, MemberRoles Previous, MemberRoles Current, DateTime OccurredAt) : IDomainEvent;
