namespace Salon.Application.Members.Contracts;

/// <summary>What moderation may do to members. Changes are staged in the caller's unit of work.</summary>
public interface IMemberModeration
{
    /// <summary>Suspends the member until the given time (or indefinitely) and signs them out everywhere.
    /// Staff (moderators, officials, admins) can be suspended only by an admin, and never the last admin.</summary>
    Task<SuspendOutcome> SuspendAsync(Guid memberId, DateTime? until, string reason, bool byAdmin, DateTime now, CancellationToken cancellationToken);

    Task<bool> UnsuspendAsync(Guid memberId, DateTime now, CancellationToken cancellationToken);

    /// <summary>Lifts suspensions whose end has passed; returns how many.</summary>
    Task<int> LiftExpiredSuspensionsAsync(DateTime now, CancellationToken cancellationToken);
}
