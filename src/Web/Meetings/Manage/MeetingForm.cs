using System.Globalization;
using Salon.Web.Shared;

namespace Salon.Web.Meetings.Manage;

/// <summary>The 交流会 form as posted (strings, so a half-filled form comes back as it was typed). Times are
/// <c>datetime-local</c> values in Japan time; the API checks every rule and answers per field. A field that was not
/// posted is empty (the form binder would set it to null).</summary>
public sealed class MeetingForm
{
    public string Title { get; set => field = value ?? ""; } = "";

    public string Description { get; set => field = value ?? ""; } = "";

    public string StartsAt { get; set => field = value ?? ""; } = "";

    public string EndsAt { get; set => field = value ?? ""; } = "";

    public string ApplicationDeadline { get; set => field = value ?? ""; } = "";

    public string Format { get; set => field = value ?? ""; } = "online";

    public string JoinUrl { get; set => field = value ?? ""; } = "";

    public string Venue { get; set => field = value ?? ""; } = "";

    public string Area { get; set => field = value ?? ""; } = "";

    public string Capacity { get; set => field = value ?? ""; } = "";

    /// <summary>One box per family position (form binding maps named booleans); none ticked = everyone.</summary>
    public bool Parent { get; set; }

    public bool Sibling { get; set; }

    public bool Child { get; set; }

    public bool Spouse { get; set; }

    public bool Partner { get; set; }

    public bool Other { get; set; }

    public string FeeNote { get; set => field = value ?? ""; } = "";

    public static MeetingForm From(Meeting meeting) => new()
    {
        Title = meeting.Title,
        Description = meeting.Description,
        StartsAt = JstTimes.ToInput(meeting.StartsAt),
        EndsAt = JstTimes.ToInput(meeting.EndsAt),
        ApplicationDeadline = JstTimes.ToInput(meeting.ApplicationDeadline),
        Format = meeting.Format,
        JoinUrl = meeting.JoinUrl ?? "",
        Venue = meeting.Venue ?? "",
        Area = meeting.Area ?? "",
        Capacity = meeting.Capacity.ToString(CultureInfo.InvariantCulture),
        Parent = meeting.Eligibility.Contains("parent"),
        Sibling = meeting.Eligibility.Contains("sibling"),
        Child = meeting.Eligibility.Contains("child"),
        Spouse = meeting.Eligibility.Contains("spouse"),
        Partner = meeting.Eligibility.Contains("partner"),
        Other = meeting.Eligibility.Contains("other"),
        FeeNote = meeting.FeeNote ?? "",
    };

    /// <summary>What to send. For an edit (<paramref name="current"/> set), the times go only when changed: the API
    /// refuses a start in the past, and a meeting under way keeps its start. An empty deadline follows the start.</summary>
    public MeetingInput ToInput(Meeting? current)
    {
        var startsAt = JstTimes.FromInput(StartsAt);
        var endsAt = JstTimes.FromInput(EndsAt);
        var deadline = JstTimes.FromInput(ApplicationDeadline);
        return new MeetingInput(
            Title.Trim(),
            Description.Trim(),
            current is not null && startsAt == current.StartsAt ? null : startsAt,
            current is not null && endsAt == current.EndsAt ? null : endsAt,
            Format,
            JoinUrl.Trim(),
            Venue.Trim(),
            Area.Trim(),
            int.TryParse(Capacity.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var capacity) ? capacity : 0,
            Eligibility(),
            current is not null && deadline == current.ApplicationDeadline ? null : deadline,
            FeeNote.Trim());
    }

    private List<string> Eligibility()
    {
        var positions = new List<string>();
        foreach (var (on, position) in new[] { (Parent, "parent"), (Sibling, "sibling"), (Child, "child"), (Spouse, "spouse"), (Partner, "partner"), (Other, "other") })
        {
            if (on)
            {
                positions.Add(position);
            }
        }

        return positions;
    }
}
