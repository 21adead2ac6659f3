namespace Salon.Application.Consultations.Contracts;

/// <summary>Whether a member may see a post (not deleted, visible or their own, not by someone they blocked).</summary>
public interface IPostVisibility
{
    Task<bool> CanSeeAsync(Guid postId, Guid viewerId, CancellationToken cancellationToken);
}
