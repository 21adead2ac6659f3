using Salon.Domain.Common;

namespace Salon.Domain.Meetings.Events;

/// <summary>A member's application was answered: accepted at once, or put on the waitlist.</summary>
public sealed record MeetingApplicationAnswered(Guid MeetingId, Guid MemberId, string Title, bool Accepted, DateTime OccurredAt) : IDomainEvent;

/// <summary>A seat freed up (or capacity grew) and the member moved from the waitlist to accepted.</summary>
public sealed record MeetingApplicationPromoted(Guid MeetingId, Guid MemberId, string Title, DateTime OccurredAt) : IDomainEvent;

/// <summary>The meeting was cancelled; everyone who had applied (accepted or waitlisted) is told.</summary>
public sealed record MeetingCancelled(Guid MeetingId, string Title, IReadOnlyList<Guid> ApplicantIds, DateTime OccurredAt) : IDomainEvent;

/// <summary>A reminder is due for an accepted applicant, <paramref name="HoursBefore"/> (24 or 1) before the start.</summary>
public sealed record MeetingReminderDue(Guid MeetingId, Guid MemberId, string Title, DateTime StartsAt, int HoursBefore, DateTime OccurredAt) : IDomainEvent;

/// <summary>When, how or where the meeting happens changed; everyone who applied (accepted or waitlisted) is told.</summary>
public sealed record MeetingChanged(Guid MeetingId, string Title, IReadOnlyList<Guid> ApplicantIds, DateTime OccurredAt) : IDomainEvent;
