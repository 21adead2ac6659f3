using Salon.Application.Common.Time;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications;

/// <summary>When digests are due. Daily digests go every day at the member's hour (Japan time); weekly ones
/// on <see cref="WeeklyDay"/> at that hour. A slot stays due for <see cref="CatchUp"/> after its time, so a
/// run that was late or crashed still sends it; after that it waits for the next period.</summary>
public static class DigestSchedule
{
    public const DayOfWeek WeeklyDay = DayOfWeek.Sunday;

    public static readonly TimeSpan CatchUp = TimeSpan.FromHours(23);

    /// <summary>Digest e-mail goes only to members seen on the site within this time.</summary>
    public static readonly TimeSpan ActiveWithin = TimeSpan.FromDays(180);

    /// <summary>A digest never reaches back further than this.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(30);

    public static IEnumerable<DigestSlot> DueSlots(DateTime nowUtc)
    {
        var jstNow = JapanTime.ToJst(nowUtc);
        for (var hour = 0; hour < 24; hour++)
        {
            var daily = jstNow.Date.AddHours(hour);
            if (daily > jstNow)
            {
                daily = daily.AddDays(-1);
            }

            var dailyUtc = JapanTime.ToUtc(daily);
            if (nowUtc - dailyUtc <= CatchUp)
            {
                yield return new DigestSlot(DigestFrequency.Daily, hour, dailyUtc, dailyUtc.AddDays(-1));
            }

            var weekly = jstNow.Date.AddDays(-(((int)jstNow.DayOfWeek - (int)WeeklyDay + 7) % 7)).AddHours(hour);
            if (weekly > jstNow)
            {
                weekly = weekly.AddDays(-7);
            }

            var weeklyUtc = JapanTime.ToUtc(weekly);
            if (nowUtc - weeklyUtc <= CatchUp)
            {
                yield return new DigestSlot(DigestFrequency.Weekly, hour, weeklyUtc, weeklyUtc.AddDays(-7));
            }
        }
    }
}
