using Salon.Application.Consultations.Contracts;
using Salon.Application.Consultations.Rules;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;

namespace Salon.Application.Consultations.ContractImplementations;

public sealed class PostVisibilityCheck(IConsultationsDb db, IMemberDirectory directory) : IPostVisibility
{
    public async Task<bool> CanSeeAsync(Guid postId, Guid viewerId, CancellationToken cancellationToken)
    {
        try
        {
            await PostTargets.FindVisibleAsync(db, directory, postId, viewerId, cancellationToken);
            return true;
        }
        catch (SalonException ex) when (ex.Kind == ErrorKind.NotFound)
        {
            return false;
        }
    }
}
