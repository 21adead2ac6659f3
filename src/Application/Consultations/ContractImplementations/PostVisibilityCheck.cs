using Salon.Application.Consultations.Contracts;
using Salon.Application.Consultations.Rules;
using Salon.Application.Members.Contracts;

namespace Salon.Application.Consultations.ContractImplementations;

public sealed class PostVisibilityCheck(IConsultationsDb db, IMemberDirectory directory) : IPostVisibility
{
    public Task<bool> CanSeeAsync(Guid postId, Guid viewerId, CancellationToken cancellationToken) =>
        PostTargets.IsVisibleAsync(db, directory, postId, viewerId, cancellationToken);
}
