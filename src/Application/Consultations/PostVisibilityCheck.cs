using Salon.Application.Consultations.Contracts;
using Salon.Application.Members.Contracts;

namespace Salon.Application.Consultations;

public sealed class PostVisibilityCheck(IConsultationsDb db, IMemberDirectory directory) : IPostVisibility
{
    public Task<bool> CanSeeAsync(Guid postId, Guid viewerId, CancellationToken cancellationToken) =>
        PostTargets.IsVisibleAsync(db, directory, postId, viewerId, cancellationToken);
}
