using Salon.Domain.Notifications;

namespace Salon.Application.Notifications;

/// <summary>A digest slot: members with this frequency and hour whose digest for the period starting at
/// <paramref name="PeriodStart"/> (UTC) has not been attempted. <paramref name="WindowStart"/> is the
/// previous slot: a member seen on the site since then has nothing to catch up on.</summary>
public sealed record DigestSlot(DigestFrequency Frequency, int HourJst, DateTime PeriodStart, DateTime WindowStart)
{
    public bool IsDefault => Frequency == DigestFrequency.Weekly && HourJst == DigestPreference.DefaultHourJst;
}
