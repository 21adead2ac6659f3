
namespace Salon.Application.Members.Contracts;

/// <summary>Read-only views of members for other modules. The queryables compose into the caller's own
/// query (one SQL statement), so showing authors and filtering blocked members costs no extra round trip.</summary>
public interface IMemberDirectory
{
    IQueryable<MemberCard> Cards { get; }

    IQueryable<BlockPair> Blocks { get; }

    Task<PosterStanding?> GetStandingAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>Takes the member's row lock in the caller's open transaction, held until it ends, so that one member's
    /// check-then-write decisions in other modules (posting limits; follow, bookmark and read rows) run one at a time,
    /// on one instance or several. Call it first in the transaction, before reading what the decision depends on.
    /// False when there is no such member.</summary>
    Task<bool> LockAsync(Guid memberId, CancellationToken cancellationToken);
}
