using System.Globalization;

namespace Salon.Web.Shared;

/// <summary>Times as members read them: Japan time, short.</summary>
public static class Dates
{
    /// <summary>Japan's offset from UTC (no daylight saving), for every time the pages show or read.</summary>
    public static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    /// <summary>The last UTC instant whose Japan time can be represented. Rows stored before the API bounded its times
    /// may lie beyond it; they are shown at that instant instead of failing the page.</summary>
    private static readonly DateTime LastUtc = DateTime.MaxValue - Japan;

    /// <summary>The first Japan wall-clock time whose UTC instant can be represented.</summary>
    private static readonly DateTime FirstJapan = DateTime.MinValue + Japan;

    /// <summary>A UTC time (as the API gives it) in Japan time; the last representable one past it.</summary>
    public static DateTimeOffset ToJapan(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc > LastUtc ? LastUtc : utc, DateTimeKind.Utc)).ToOffset(Japan);

    /// <summary>A Japan wall-clock time (what a staff form's input holds) as UTC; <see cref="DateTime.MinValue"/> before
    /// the first representable one, which the API refuses as out of range on the field.</summary>
    public static DateTime FromJapan(DateTime japan) =>
        DateTime.SpecifyKind(japan < FirstJapan ? DateTime.MinValue : japan - Japan, DateTimeKind.Utc);

    /// <summary>The UTC instant at which a day in Japan ends (the next day's midnight); <see cref="DateTime.MaxValue"/>
    /// for the last day of the calendar, which the API refuses as out of range on the field.</summary>
    public static DateTime EndOfJapanDay(DateOnly day) =>
        day == DateOnly.MaxValue ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc) : FromJapan(day.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public static string Display(DateTime utc) => ToJapan(utc).ToString("M月d日 H:mm", CultureInfo.InvariantCulture);
}
