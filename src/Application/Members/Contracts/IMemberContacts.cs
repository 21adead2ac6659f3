
namespace Salon.Application.Members.Contracts;

/// <summary>Where to send a member's e-mail: confirmed addresses only. Only modules that send mail use it,
/// and an address never goes into a response or a log.</summary>
public interface IMemberContacts
{
    Task<IReadOnlyDictionary<Guid, string>> ConfirmedEmailsAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken);

    /// <summary>Members who may receive mail at <paramref name="now"/>, as a composable view (one SQL
    /// statement with the caller's filters; no AsNoTracking inside, see ADR 0008).</summary>
    IQueryable<ReachableMember> Reachable(DateTime now);
}
