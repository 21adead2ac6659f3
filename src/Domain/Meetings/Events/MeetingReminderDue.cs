using Salon.Domain.Common;

namespace Salon.Domain.Meetings.Events;

/// <summary>A reminder is due for an accepted applicant, <paramref name="HoursBefore"/> (24 or 1) before the start.</summary>
public sealed record MeetingReminderDue(Guid MeetingId, Guid MemberId, string Title, DateTime StartsAt, int HoursBefore, DateTime OccurredAt) : IDomainEvent;
