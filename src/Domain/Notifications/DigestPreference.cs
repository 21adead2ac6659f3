namespace Salon.Domain.Notifications;

/// <summary>When a member's digest goes out: off, daily or weekly (the default), at an hour in Japan time.</summary>
public sealed class DigestPreference(Guid memberId, DigestFrequency frequency, int hourJst)
{
    public const int DefaultHourJst = 20;

    public Guid MemberId { get; private set; } = memberId;

    public DigestFrequency Frequency { get; private set; } = frequency;

    public int HourJst { get; private set; } = hourJst;

    public void Change(DigestFrequency frequency, int hourJst)
    {
        Frequency = frequency;
        HourJst = hourJst;
    }
}
