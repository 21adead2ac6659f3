using Salon.Application.Members.Contracts;

namespace Salon.Application.Members.Directory;

public sealed class MemberContacts(IIdentityService identity) : IMemberContacts
{
    public Task<IReadOnlyDictionary<Guid, string>> ConfirmedEmailsAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken) =>
        identity.ConfirmedEmailsAsync(memberIds, cancellationToken);
}
