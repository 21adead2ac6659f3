namespace Salon.Domain.Notifications;

/// <summary>One member's digest for one period (a daily or weekly slot). The pair (member, period) is
/// unique and is written in the same transaction as the digest e-mail, so a second or concurrent run, or a
/// run after a crash, never sends the same period twice. A run with nothing to say is recorded too
/// (<see cref="Sent"/> false), so the member is not looked at again in that period.</summary>
public sealed class DigestRun
{
    private DigestRun()
    {
    }

    public Guid MemberId { get; private set; }

    /// <summary>The UTC instant of the member's scheduled slot this run belongs to.</summary>
    public DateTime PeriodStart { get; private set; }

    public DateTime AttemptedAt { get; private set; }

    public bool Sent { get; private set; }

    public static DigestRun Record(Guid memberId, DateTime periodStart, bool sent, DateTime now) => new()
    {
        MemberId = memberId,
        PeriodStart = periodStart,
        AttemptedAt = now,
        Sent = sent,
    };
}
