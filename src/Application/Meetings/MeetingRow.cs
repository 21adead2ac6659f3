using Salon.Domain.Meetings;

namespace Salon.Application.Meetings;

/// <summary>A meeting with its seat counts, the viewer's active application (null when none) and, when that is
/// waitlisted, its 1-based place in the queue.</summary>
internal sealed record MeetingRow(Meeting Meeting, int Accepted, int Waitlisted, MeetingApplication? Mine, int? WaitlistPosition);
