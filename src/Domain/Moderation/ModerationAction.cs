namespace Salon.Domain.Moderation;

public enum ModerationAction
{
    Dismiss = 0,
    Hide = 1,
    Delete = 2,
    Restore = 3,
    Warn = 4,
}
