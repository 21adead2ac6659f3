using System.Globalization;

namespace Salon.Web.Shared;

/// <summary>Times as members read them: Japan time, short.</summary>
public static class Dates
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    public static string Display(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Japan).ToString("M月d日 H:mm", CultureInfo.InvariantCulture);
}
