using FluentValidation;
using Salon.Application.Common.Time;
using Salon.Domain.Common;

namespace Salon.Application.Common.Validation;

/// <summary>The one bound on every day and time a client sends: 2000-01-01 to 2999-12-31 (a time's UTC day). Anything
/// outside is a mistake, and near year 1 or 9999 the arithmetic on it (Japan time, whole months, a meeting's 24
/// hours) overflows (ADR 0019).</summary>
public static class PlausibleDates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2999, 12, 31);

    /// <summary>True when absent or within the bound.</summary>
    public static bool Contains(DateOnly? day) => day is null || (day >= Earliest && day <= Latest);

    /// <summary>True when absent or within the bound; a time without an offset is UTC, as everywhere in the API.</summary>
    public static bool Contains(DateTime? time) => JapanTime.AsUtc(time) is not { } utc || Contains(DateOnly.FromDateTime(utc));

    public static LocalizedText DayOutOfRange => new(
        $"日付は{Earliest:yyyy-MM-dd}から{Latest:yyyy-MM-dd}までの間にしてください。",
        $"Dates must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.");

    public static LocalizedText TimeOutOfRange => new(
        $"日時は{Earliest:yyyy-MM-dd}から{Latest:yyyy-MM-dd}までの間にしてください。",
        $"Times must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.");

    public static IRuleBuilderOptions<T, DateOnly?> PlausibleDay<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(day => Contains(day)).WithMessage(_ => DayOutOfRange.Current);

    public static IRuleBuilderOptions<T, DateTime?> PlausibleTime<T>(this IRuleBuilder<T, DateTime?> rule) =>
        rule.Must(time => Contains(time)).WithMessage(_ => TimeOutOfRange.Current);
}
