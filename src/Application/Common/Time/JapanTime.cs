namespace Salon.Application.Common.Time;

/// <summary>Japan Standard Time (UTC+9, no daylight saving): "today" and "8 pm" mean Japan time for members.
/// A fixed offset, so the arithmetic does not depend on the host's time-zone database.</summary>
public static class JapanTime
{
    /// <summary>Whole hours, for database queries that add them (<c>AddHours</c> translates on every provider).</summary>
    public const int OffsetHours = 9;

    public static readonly TimeSpan Offset = TimeSpan.FromHours(OffsetHours);

    /// <summary>The JST wall-clock time of a UTC instant (Kind Unspecified).</summary>
    public static DateTime ToJst(DateTime utc) => DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified);

    /// <summary>The UTC instant of a JST wall-clock time.</summary>
    public static DateTime ToUtc(DateTime jst) => DateTime.SpecifyKind(jst - Offset, DateTimeKind.Utc);

    /// <summary>The instant with its Japan offset, for display (<c>2026-12-01T19:00:00+09:00</c>).</summary>
    public static DateTimeOffset WithOffset(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    /// <summary>A time sent by a client as UTC: one without an offset is taken as UTC, as everywhere in the API
    /// (never the server's local zone).</summary>
    public static DateTime? AsUtc(DateTime? value) => value?.Kind switch
    {
        null => null,
        DateTimeKind.Local => value.Value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value.Value, DateTimeKind.Utc),
    };

    /// <summary>The UTC instant at which the JST day containing <paramref name="utc"/> began.</summary>
    public static DateTime StartOfDayUtc(DateTime utc) => ToUtc(ToJst(utc).Date);
}
