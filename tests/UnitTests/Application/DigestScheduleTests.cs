using Salon.Application.Notifications;
using Salon.Domain.Notifications;

namespace Salon.UnitTests.Application;

public sealed class DigestScheduleTests
{
    private static DateTime Jst(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(9)).UtcDateTime;

    [Fact]
    public void A_daily_slot_is_due_from_its_hour_in_japan_until_a_day_later_and_its_window_is_the_previous_slot()
    {
        var slot = DigestSchedule.DueSlots(Jst(11, 3, 20, 5)).Single(s => s.Frequency == DigestFrequency.Daily && s.HourJst == 20);

        Assert.Equal(Jst(11, 3, 20), slot.PeriodStart);
        Assert.Equal(Jst(11, 2, 20), slot.WindowStart);
        Assert.Equal(slot, DigestSchedule.DueSlots(Jst(11, 4, 18)).Single(s => s.Frequency == DigestFrequency.Daily && s.HourJst == 20));

        // Before 20:00 the 20:00 slot still means yesterday's (within the 23-hour catch-up).
        Assert.Equal(Jst(11, 2, 20), DigestSchedule.DueSlots(Jst(11, 3, 18, 59)).Single(s => s.Frequency == DigestFrequency.Daily && s.HourJst == 20).PeriodStart);
    }

    [Fact]
    public void A_weekly_slot_is_on_sunday_in_japan_and_is_not_caught_up_after_23_hours()
    {
        // Sunday 15 November 2026, 20:05 in Japan is Sunday 11:05 UTC.
        var slot = DigestSchedule.DueSlots(Jst(11, 15, 20, 5)).Single(s => s.Frequency == DigestFrequency.Weekly && s.HourJst == 20);
        Assert.Equal(Jst(11, 15, 20), slot.PeriodStart);
        Assert.Equal(Jst(11, 8, 20), slot.WindowStart);
        Assert.True(slot.IsDefault);

        // Sunday 08:00 in Japan is still Saturday in UTC: the slot at 07:00 that morning is this Sunday's.
        Assert.Equal(Jst(11, 15, 7), DigestSchedule.DueSlots(Jst(11, 15, 8)).Single(s => s.Frequency == DigestFrequency.Weekly && s.HourJst == 7).PeriodStart);

        Assert.DoesNotContain(DigestSchedule.DueSlots(Jst(11, 16, 19, 30)), s => s.Frequency == DigestFrequency.Weekly && s.HourJst == 20);
        Assert.DoesNotContain(DigestSchedule.DueSlots(Jst(11, 14, 20, 5)), s => s.Frequency == DigestFrequency.Weekly);
    }
}
