using Salon.Domain.Common;

namespace Salon.Domain.Consultations;

/// <summary>A topic or reply one member chose not to see ("hide this post"): it leaves that member's lists,
/// threads, search results, notices and digests, whoever wrote it (ADR 0016). Nothing to do with moderation's
/// <see cref="PostVisibility.Hidden"/>, which hides a post from everyone.</summary>
public sealed class HiddenPost
{
    private HiddenPost()
    {
    }

    public Guid MemberId { get; private set; }

    public Guid PostId { get; private set; }

    public PostKind PostKind { get; private set; }

    /// <summary>The topic itself, or the reply's topic (rows go with it).</summary>
    public Guid TopicId { get; private set; }

    public DateTime HiddenAt { get; private set; }

    /// <summary>One's own posts cannot be hidden (422): there is nothing to get away from.</summary>
    public static HiddenPost Create(Guid memberId, Guid postId, PostKind postKind, Guid topicId, Guid postAuthorId, DateTime now)
    {
        if (postAuthorId == memberId)
        {
            throw ConsultationErrors.CannotHideOwnPost.Error();
        }

        return new HiddenPost { MemberId = memberId, PostId = postId, PostKind = postKind, TopicId = topicId, HiddenAt = now };
    }
}
