namespace Salon.Domain.Meetings;

/// <summary>Where an application stands. Arrival order decides who gets a seat; a withdrawn application
/// keeps its row (one per member and meeting) so applying again starts at the back of the queue.</summary>
public enum ApplicationStatus
{
    Accepted = 0,
    Waitlisted = 1,
    Withdrawn = 2,
}
