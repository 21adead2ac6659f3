namespace Salon.Domain.Moderation;

public enum ModerationItemStatus
{
    Open = 0,
    Resolved = 1,
}
