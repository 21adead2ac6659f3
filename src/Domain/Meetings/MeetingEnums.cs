namespace Salon.Domain.Meetings;

public enum MeetingFormat
{
    Online = 0,
    Offline = 1,
}

/// <summary>Where an application stands. Arrival order decides who gets a seat; a withdrawn application
/// keeps its row (one per member and meeting) so applying again starts at the back of the queue.</summary>
public enum ApplicationStatus
{
    Accepted = 0,
    Waitlisted = 1,
    Withdrawn = 2,
}

public static class MeetingNames
{
    public static string Of(MeetingFormat format) => format == MeetingFormat.Online ? "online" : "offline";

    public static MeetingFormat? ParseFormat(string? value) => value switch
    {
        "online" => MeetingFormat.Online,
        "offline" => MeetingFormat.Offline,
        _ => null,
    };

    public static string Of(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Accepted => "accepted",
        ApplicationStatus.Waitlisted => "waitlisted",
        _ => "withdrawn",
    };
}
