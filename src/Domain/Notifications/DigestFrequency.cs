namespace Salon.Domain.Notifications;

public enum DigestFrequency
{
    Off = 0,
    Daily = 1,
    Weekly = 2,
}
