namespace Salon.Domain.Meetings;

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
