using Salon.Domain.Common;

namespace Salon.Domain.Meetings.Events;

/// <summary>A member's application was answered: accepted at once, or put on the waitlist.</summary>
public sealed record MeetingApplicationAnswered(Guid MeetingId, Guid MemberId, string Title, bool Accepted, DateTime OccurredAt) : IDomainEvent;
