
namespace Salon.Application.Members.Contracts;

/// <summary>Where to send a member's e-mail: confirmed addresses only. Only modules that send mail use it,
/// and an address never goes into a response or a log.</summary>
public interface IMemberContacts
{
    Task<IReadOnlyDictionary<Guid, string>> ConfirmedEmailsAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken);

    /// <summary>Members who may receive mail at <paramref name="now"/>, as a composable view (one SQL
    /// statement with the caller's filters; no AsNoTracking inside, see ADR 0008).</summary>
    IQueryable<ReachableMember> Reachable(DateTime now);

    /// <summary>The normalized addresses someone holds at <paramref name="now"/>: every account's, and every sign-up's
    /// still waiting for its confirmation. A composable view, compared only inside the database.</summary>
    IQueryable<string> HeldAddresses(DateTime now);
}
