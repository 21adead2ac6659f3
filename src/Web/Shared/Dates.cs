using System.Globalization;

namespace Salon.Web.Shared;

/// <summary>Times as members read them: Japan time, short.</summary>
public static class Dates
{
    /// <summary>Japan's offset from UTC (no daylight saving), for every time the pages show or read.</summary>
    public static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    /// <summary>A UTC time (as the API gives it) in Japan time.</summary>
    public static DateTimeOffset ToJapan(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Japan);

    public static string Display(DateTime utc) => ToJapan(utc).ToString("M月d日 H:mm", CultureInfo.InvariantCulture);
}
