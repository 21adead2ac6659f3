namespace Salon.Application.Moderation;

public enum CrisisPolicy
{
    /// <summary>Publish at once and open a priority item (the default: nobody waits for help to be seen).</summary>
    PublishAndEscalate,

    /// <summary>Visible only to its author until a moderator has reviewed it.</summary>
    HoldForReview,
}
