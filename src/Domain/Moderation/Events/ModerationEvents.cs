using Salon.Domain.Common;

namespace Salon.Domain.Moderation.Events;

/// <summary>A member should receive the caring notice with the crisis lines (never saying who reported).</summary>
public sealed record CaringNoticeDue(Guid MemberId, DateTime OccurredAt) : IDomainEvent;

/// <summary>A moderator warned an author about a post.</summary>
public sealed record MemberWarned(Guid MemberId, Guid? PostId, string? Note, DateTime OccurredAt) : IDomainEvent;
