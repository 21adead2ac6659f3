namespace Salon.Application.Consultations.Contracts;

/// <summary>Whether a member may see a post (not deleted, visible or their own, not a named post by someone they
/// blocked). A post the member hid from their own view still counts as one they may see.</summary>
public interface IPostVisibility
{
    Task<bool> CanSeeAsync(Guid postId, Guid viewerId, CancellationToken cancellationToken);
}
