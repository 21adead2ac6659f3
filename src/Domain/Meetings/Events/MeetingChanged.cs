using Salon.Domain.Common;

namespace Salon.Domain.Meetings.Events;

/// <summary>When, how or where the meeting happens changed; everyone who applied (accepted or waitlisted) is told.</summary>
public sealed record MeetingChanged(Guid MeetingId, string Title, IReadOnlyList<Guid> ApplicantIds, DateTime OccurredAt) : IDomainEvent;
