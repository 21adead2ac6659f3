namespace Salon.Application.Common;

/// <summary>Settings under <c>Retention</c>: how long things are kept before the daily clean-up removes them.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Deleted posts, and posts hidden by moderation and never restored.</summary>
    public TimeSpan RemovedContent { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a sign-up waits for its address to be confirmed (holding its nickname); then it is removed.</summary>
    public TimeSpan UnconfirmedAccounts { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Signed-out, revoked or expired sessions (and their refresh tokens).</summary>
    public TimeSpan EndedSessions { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan ReadNotifications { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Outbox e-mail that was sent, failed for good, or suppressed.</summary>
    public TimeSpan FinishedEmail { get; set; } = TimeSpan.FromDays(30);
}
