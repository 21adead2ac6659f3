namespace Salon.Application.Common.Time;

/// <summary>Japan Standard Time (UTC+9, no daylight saving): "today" and "8 pm" mean Japan time for members.
/// A fixed offset, so the arithmetic does not depend on the host's time-zone database.</summary>
public static class JapanTime
{
    /// <summary>Whole hours, for database queries that add them (<c>AddHours</c> translates on every provider).</summary>
    public const int OffsetHours = 9;

    public static readonly TimeSpan Offset = TimeSpan.FromHours(OffsetHours);

    /// <summary>The last UTC instant whose Japan time a <see cref="DateTime"/> can hold. Rows stored before the API
    /// bounded its times (<c>PlausibleDates</c>) may lie beyond it; the conversions saturate instead of throwing, so
    /// such rows are still shown (at the last representable minute).</summary>
    private static readonly DateTime LastUtc = DateTime.MaxValue - Offset;

    /// <summary>The first Japan wall-clock time whose UTC instant a <see cref="DateTime"/> can hold.</summary>
    private static readonly DateTime FirstJst = DateTime.MinValue + Offset;

    /// <summary>The JST wall-clock time of a UTC instant (Kind Unspecified); <see cref="DateTime.MaxValue"/> past it.</summary>
    public static DateTime ToJst(DateTime utc) => DateTime.SpecifyKind(utc > LastUtc ? DateTime.MaxValue : utc + Offset, DateTimeKind.Unspecified);

    /// <summary>The UTC instant of a JST wall-clock time; <see cref="DateTime.MinValue"/> before it.</summary>
    public static DateTime ToUtc(DateTime jst) => DateTime.SpecifyKind(jst < FirstJst ? DateTime.MinValue : jst - Offset, DateTimeKind.Utc);

    /// <summary>The instant with its Japan offset, for display (<c>2026-12-01T19:00:00+09:00</c>); the last representable
    /// one past it.</summary>
    public static DateTimeOffset WithOffset(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc > LastUtc ? LastUtc : utc, DateTimeKind.Utc)).ToOffset(Offset);

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
