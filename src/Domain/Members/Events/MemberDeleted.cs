using Salon.Domain.Common;

namespace Salon.Domain.Members.Events;

/// <summary>A member left. Every module handles this for its own data, deleting or anonymising
/// what the member wrote as they chose, in the same transaction as the deletion.</summary>
public sealed record MemberDeleted(Guid MemberId, ContentHandling ContentHandling, DateTime OccurredAt) : IDomainEvent;
