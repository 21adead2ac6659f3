using Salon.Application.Members.Contracts;
using Salon.Domain.Members;

namespace Salon.Application.Members.Directory;

public sealed class MemberContacts(IIdentityService identity, IMembersDb db) : IMemberContacts
{
    public Task<IReadOnlyDictionary<Guid, string>> ConfirmedEmailsAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken) =>
        identity.ConfirmedEmailsAsync(memberIds, cancellationToken);

    public IQueryable<ReachableMember> Reachable(DateTime now) => db.Members
        .Where(m => m.Status == MemberStatus.Active
            || (m.Status == MemberStatus.Suspended && m.SuspendedUntil != null && m.SuspendedUntil <= now))
        .Join(identity.ConfirmedAddresses, m => m.Id, a => a.MemberId, (m, a) => new ReachableMember
        {
            Id = m.Id,
            Email = a.Email,
            NormalizedEmail = a.NormalizedEmail,
            FamilyPositions = m.FamilyPositions,
            LastSeenAt = m.LastSeenAt,
        });

    public IQueryable<string> HeldAddresses(DateTime now) => identity.ConfirmedAddresses.Select(a => a.NormalizedEmail)
        .Concat(db.SignUps.Where(s => s.ConfirmedAt == null && s.ExpiresAt > now).Select(s => s.NormalizedEmail));
}
