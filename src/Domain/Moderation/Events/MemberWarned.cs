using Salon.Domain.Common;

namespace Salon.Domain.Moderation.Events;

/// <summary>A moderator warned an author about a post.</summary>
public sealed record MemberWarned(Guid MemberId, Guid? PostId, string? Note, DateTime OccurredAt) : IDomainEvent;
