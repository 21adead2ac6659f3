using Salon.Application.Common.Time;

namespace Salon.UnitTests.Application;

/// <summary>Japan time for any stored instant: rows written before the API bounded its times (robustness review,
/// session 30) may hold one within 9 hours of year 1 or 9999, and showing them must not throw.</summary>
public sealed class JapanTimeTests
{
    private static readonly DateTime Ordinary = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Ordinary_times_move_by_nine_hours_both_ways()
    {
        Assert.Equal(new DateTime(2026, 12, 1, 19, 0, 0), JapanTime.ToJst(Ordinary));
        Assert.Equal(Ordinary, JapanTime.ToUtc(new DateTime(2026, 12, 1, 19, 0, 0)));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 19, 0, 0, JapanTime.Offset), JapanTime.WithOffset(Ordinary));
        Assert.Equal(JapanTime.Offset, JapanTime.WithOffset(Ordinary).Offset);
    }

    [Fact]
    public void Times_at_the_ends_of_the_calendar_saturate_instead_of_throwing()
    {
        var max = DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc);
        var min = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);

        Assert.Equal(DateTime.MaxValue, JapanTime.ToJst(max));
        Assert.Equal(DateTime.MaxValue, JapanTime.ToJst(max.AddHours(-8)));
        Assert.Equal(DateTime.MinValue, JapanTime.ToUtc(DateTime.MinValue));
        Assert.Equal(DateTime.MinValue, JapanTime.ToUtc(DateTime.MinValue.AddHours(8)));
        Assert.Equal(DateTime.MaxValue.AddHours(-9), JapanTime.ToUtc(DateTime.MaxValue));

        Assert.Equal(DateTime.MaxValue, JapanTime.WithOffset(max).DateTime);
        Assert.Equal(JapanTime.Offset, JapanTime.WithOffset(max).Offset);
        Assert.Equal(new DateTime(1, 1, 1, 9, 0, 0), JapanTime.WithOffset(min).DateTime);
        Assert.Equal(min, JapanTime.StartOfDayUtc(min));
        Assert.Equal(new DateTime(9999, 12, 31, 0, 0, 0).AddHours(-9), JapanTime.StartOfDayUtc(max));
    }
}
