namespace Salon.Domain.Moderation;

public enum WatchedWordAction
{
    /// <summary>The post is refused with a clear message.</summary>
    Block = 0,

    /// <summary>The post is held for review before others see it.</summary>
    Hold = 1,

    /// <summary>The post is published and queued for a look.</summary>
    Flag = 2,
}
