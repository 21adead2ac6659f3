using System.Globalization;

namespace Salon.Web.Shared;

/// <summary>The date-and-time inputs of staff forms (<c>&lt;input type="datetime-local"&gt;</c>, no JavaScript) are
/// read and written in Japan time; the API takes and gives UTC.</summary>
public static class JstTimes
{
    public const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>A UTC time as the input's value, in Japan time (「2026-12-20T14:00」).</summary>
    public static string ToInput(DateTime utc) =>
        Dates.ToJapan(utc).ToString(InputFormat, CultureInfo.InvariantCulture);

    /// <summary>The input's value (Japan time) as UTC, or null when empty or not a time (the API then says what is missing).
    /// A time within 9 hours of year 1 becomes <see cref="DateTime.MinValue"/>, which the API refuses as out of range.</summary>
    public static DateTime? FromInput(string? value) =>
        DateTime.TryParseExact(value?.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? Dates.FromJapan(local)
            : null;

    /// <summary>「2026年12月20日（日）14:00」, for schedules an official must read exactly.</summary>
    public static string Full(DateTime utc)
    {
        var jst = Dates.ToJapan(utc);
        return jst.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) + "（" + "日月火水木金土"[(int)jst.DayOfWeek] + "）" + jst.ToString("H:mm", CultureInfo.InvariantCulture);
    }
}
