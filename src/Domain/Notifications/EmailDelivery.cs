namespace Salon.Domain.Notifications;

public enum EmailDelivery
{
    Immediate = 0,
    Digest = 1,
    Off = 2,
}
