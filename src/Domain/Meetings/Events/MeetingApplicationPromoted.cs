using Salon.Domain.Common;

namespace Salon.Domain.Meetings.Events;

/// <summary>A seat freed up (or capacity grew) and the member moved from the waitlist to accepted.</summary>
public sealed record MeetingApplicationPromoted(Guid MeetingId, Guid MemberId, string Title, DateTime OccurredAt) : IDomainEvent;
