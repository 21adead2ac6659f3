using Salon.Domain.Common;

namespace Salon.Domain.Meetings.Events;

/// <summary>The meeting was cancelled; everyone who had applied (accepted or waitlisted) is told.</summary>
public sealed record MeetingCancelled(Guid MeetingId, string Title, IReadOnlyList<Guid> ApplicantIds, DateTime OccurredAt) : IDomainEvent;
