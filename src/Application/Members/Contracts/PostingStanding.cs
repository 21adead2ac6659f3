using Salon.Domain.Common;

namespace Salon.Application.Members.Contracts;

/// <summary>The one "may this member post?" check other modules ask before a member writes something others see
/// (a topic, a reply, an application to a meeting).</summary>
public static class PostingStanding
{
    /// <summary>The default refusal: a suspended, deleted or unknown member.</summary>
    public static readonly LocalizedText CannotPost = new("現在、投稿できません。", "You cannot post at the moment.");

    /// <summary>The member's standing when they may post; otherwise 403 with <paramref name="refusal"/> (or
    /// <see cref="CannotPost"/>).</summary>
    public static async Task<PosterStanding> RequireMayPostAsync(
        this IMemberDirectory directory,
        Guid memberId,
        LocalizedText? refusal,
        CancellationToken cancellationToken)
    {
        var standing = await directory.GetStandingAsync(memberId, cancellationToken);
        if (standing is null || !standing.CanPost)
        {
            throw SalonException.Forbidden(refusal ?? CannotPost);
        }

        return standing;
    }
}
