
namespace Salon.Application.Consultations.Contracts;

/// <summary>What the Moderation module may do to posts. Changes are staged in the caller's unit of work;
/// call <see cref="RefreshCountsAsync"/> after saving, inside the same transaction (<c>InTransactionAsync</c>), so
/// topic counts reflect hidden or deleted replies and commit with the change (docs/adr/0018).</summary>
public interface IPostModeration
{
    Task<IReadOnlyDictionary<Guid, ModeratedPost>> FindAsync(IReadOnlyCollection<Guid> postIds, CancellationToken cancellationToken);

    /// <summary>Others stop seeing the post (its author still does, "under review"). Only a moderator's hide
    /// makes it eligible for the purge; a post hidden by reports waits for a decision.</summary>
    Task<bool> HideAsync(Guid postId, DateTime now, bool byModerator, CancellationToken cancellationToken);

    /// <summary>Held for review before anyone else sees it.</summary>
    Task<bool> HoldAsync(Guid postId, DateTime now, CancellationToken cancellationToken);

    Task<bool> RestoreAsync(Guid postId, DateTime now, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(Guid postId, DateTime now, CancellationToken cancellationToken);

    Task RefreshCountsAsync(Guid topicId, CancellationToken cancellationToken);

    /// <summary>Visible topics nobody but their author has answered, created before <paramref name="before"/>.</summary>
    Task<IReadOnlyList<UnansweredTopic>> UnansweredAsync(DateTime before, int limit, CancellationToken cancellationToken);

    /// <summary>Which of these topics have a reply from someone other than their author (or are gone).</summary>
    Task<IReadOnlySet<Guid>> AnsweredAsync(IReadOnlyCollection<Guid> topicIds, CancellationToken cancellationToken);

    /// <summary>Erases (hard-deletes) posts deleted, or hidden and never restored, before <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTime before, CancellationToken cancellationToken);
}
