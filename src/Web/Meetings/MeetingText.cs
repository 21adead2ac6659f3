using System.Globalization;
using Salon.Web.Members;

namespace Salon.Web.Meetings;

/// <summary>How a meeting reads on the page: times in Japan time with the day of the week, the format and place,
/// who it is for, seats, and the member's own status.</summary>
public static class MeetingText
{
    private const string Weekdays = "日月火水木金土";

    /// <summary>「11月27日（金）14:00〜16:00」; the end with its date when it falls on another day.</summary>
    public static string When(Meeting meeting)
    {
        var start = meeting.StartsAtJst;
        var end = meeting.EndsAtJst;
        var endText = end.Date == start.Date ? Time(end) : Day(end) + " " + Time(end);
        return $"{Day(start)} {Time(start)}〜{endText}";
    }

    /// <summary>「11月20日（金）18:00」.</summary>
    public static string At(DateTimeOffset jst) => Day(jst) + " " + Time(jst);

    public static string Format(Meeting meeting) => meeting.Format == "online" ? "オンライン" : "対面";

    /// <summary>「対象：親・きょうだい」, or that every family position is welcome.</summary>
    public static string Eligibility(Meeting meeting) =>
        meeting.Eligibility.Count == 0 ? "どの立場の家族も参加できます" : "対象：" + Positions(meeting);

    /// <summary>「親・きょうだい」, or 「どの立場の家族も」.</summary>
    public static string Positions(Meeting meeting) =>
        meeting.Eligibility.Count == 0 ? "どの立場の家族も" : string.Join("・", meeting.Eligibility.Select(p => FamilyPositionNames.ShortLabel(p)));

    /// <summary>「残り2席（定員5人）」 or 「満席（キャンセル待ち3人）」.</summary>
    public static string Seats(Meeting meeting) =>
        meeting.SeatsLeft > 0
            ? $"残り{Count(meeting.SeatsLeft)}席（定員{Count(meeting.Capacity)}人）"
            : $"満席（キャンセル待ち{Count(meeting.WaitlistCount)}人）";

    /// <summary>The member's own status in a word or two, or null when they have not applied.</summary>
    public static string? MyStatus(Meeting meeting) => meeting.MyApplication switch
    {
        { Status: "accepted" } => "参加が確定",
        { Status: "waitlisted", WaitlistPosition: int place } => $"キャンセル待ち{Count(place)}番目",
        { Status: "waitlisted" } => "キャンセル待ち",
        _ => null,
    };

    /// <summary>Why the meeting takes no application now, or null when it does.</summary>
    public static string? Closed(Meeting meeting) => meeting.Status switch
    {
        "cancelled" => "この交流会は中止になりました。",
        "ended" => "この交流会は終わりました。",
        "in_progress" => "この交流会はいま開催中です。",
        _ when !meeting.AcceptingApplications => "申し込みの受付は終わりました。",
        _ => null,
    };

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset jst) =>
        jst.ToString("M月d日", CultureInfo.InvariantCulture) + "（" + Weekdays[(int)jst.DayOfWeek] + "）";

    private static string Time(DateTimeOffset jst) => jst.ToString("H:mm", CultureInfo.InvariantCulture);
}
