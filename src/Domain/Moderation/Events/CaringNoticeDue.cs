using Salon.Domain.Common;

namespace Salon.Domain.Moderation.Events;

/// <summary>A member should receive the caring notice with the crisis lines (never saying who reported).</summary>
public sealed record CaringNoticeDue(Guid MemberId, DateTime OccurredAt) : IDomainEvent;
