using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Application.Moderation.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.Rules;

/// <summary>Who may see and touch which post, shared by the use cases.</summary>
internal static class ConsultationRules
{
    /// <summary>Topics the viewer may open: not deleted, visible (or their own), and not a named topic by someone
    /// they blocked. Blocks never touch anonymous posts: what a member sees of an anonymous post must not depend
    /// on who wrote it (ADR 0016). No AsNoTracking here: it is composed into queries that load entities for update.</summary>
    public static IQueryable<Topic> VisibleTopics(IConsultationsDb db, IMemberDirectory directory, Guid viewerId) =>
        db.Topics.Where(t =>
            t.DeletedAt == null
            && (t.Visibility == PostVisibility.Visible || t.AuthorId == viewerId)
            && (t.IsAnonymous || !directory.Blocks.Any(b => b.BlockerId == viewerId && b.BlockedId == t.AuthorId)));

    /// <summary>Topics the viewer may open and has not hidden from their own view: what lists show them.</summary>
    public static IQueryable<Topic> ListedTopics(IConsultationsDb db, IMemberDirectory directory, Guid viewerId) =>
        VisibleTopics(db, directory, viewerId).Where(t => !db.HiddenPosts.Any(h => h.MemberId == viewerId && h.PostId == t.Id));

    /// <summary>Replies the viewer may see wherever they can see the topic (deleted ones included, as placeholders):
    /// visible or their own, and not a named reply by someone they blocked (ADR 0016).</summary>
    public static IQueryable<Reply> VisibleReplies(IConsultationsDb db, IMemberDirectory directory, Guid viewerId) =>
        db.Replies.Where(r =>
            (r.Visibility == PostVisibility.Visible || r.AuthorId == viewerId)
            && (r.IsAnonymous || !directory.Blocks.Any(b => b.BlockerId == viewerId && b.BlockedId == r.AuthorId)));

    /// <summary>404 unless the viewer may see the topic.</summary>
    public static async Task EnsureVisibleTopicAsync(IConsultationsDb db, IMemberDirectory directory, Guid topicId, Guid viewerId, CancellationToken cancellationToken)
    {
        if (!await VisibleTopics(db, directory, viewerId).AnyAsync(t => t.Id == topicId, cancellationToken))
        {
            throw PostRules.Gone();
        }
    }

    /// <summary>Loads a topic for a change by the viewer, or 404 when they may not see it.</summary>
    public static async Task<Topic> TopicForUpdateAsync(IConsultationsDb db, IMemberDirectory directory, Guid topicId, Guid viewerId, CancellationToken cancellationToken)
    {
        await EnsureVisibleTopicAsync(db, directory, topicId, viewerId, cancellationToken);
        return await db.Topics.Include(t => t.Tags).SingleAsync(t => t.Id == topicId, cancellationToken);
    }

    /// <summary>The topic a member replies to, with whether its named author blocked them, in one statement (issue 15,
    /// docs/adr/0029); 404 unless the replier may see it. Read without tracking: a reply does not change its topic's
    /// row through the entity (the counts are one UPDATE).</summary>
    public static async Task<(Topic Topic, bool AuthorBlockedReplier)> TopicToReplyToAsync(IConsultationsDb db, IMemberDirectory directory, Guid topicId, Guid replierId, CancellationToken cancellationToken)
    {
        // An anonymous topic never refuses (that would reveal its author, ADR 0016).
        var found = await VisibleTopics(db, directory, replierId).AsNoTracking()
            .Where(t => t.Id == topicId)
            .Select(t => new
            {
                Topic = t,
                Blocked = !t.IsAnonymous && t.AuthorId != replierId && directory.Blocks.Any(b => b.BlockerId == t.AuthorId && b.BlockedId == replierId),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw PostRules.Gone();
        return (found.Topic, found.Blocked);
    }

    /// <summary>For an edit or delete: moderators reach any post that is not deleted (hidden, held, or by
    /// someone they blocked), as the route's rule "author, moderator" says (README "Consultations: a second tour"); anyone else only what they can see.</summary>
    public static async Task<Topic> TopicForActorAsync(IConsultationsDb db, IMemberDirectory directory, Guid topicId, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsModerator)
        {
            return await TopicForUpdateAsync(db, directory, topicId, actor.Id, cancellationToken);
        }

        return await db.Topics.Include(t => t.Tags).SingleOrDefaultAsync(t => t.Id == topicId && t.DeletedAt == null, cancellationToken)
            ?? throw PostRules.Gone();
    }

    public static void EnsureMayModify(Guid authorId, Actor actor)
    {
        if (authorId != actor.Id && !actor.IsModerator)
        {
            throw SalonException.Forbidden(new LocalizedText("自分の投稿だけを編集・削除できます。", "You can only edit or delete your own posts."));
        }
    }

    /// <summary>Whether <paramref name="blockerId"/> has blocked <paramref name="memberId"/>.</summary>
    public static Task<bool> HasBlockedAsync(IMemberDirectory directory, Guid blockerId, Guid memberId, CancellationToken cancellationToken) =>
        directory.Blocks.AnyAsync(b => b.BlockerId == blockerId && b.BlockedId == memberId, cancellationToken);

    /// <summary>Screens text about to be posted; refuses it (400) when a watched word blocks it.</summary>
    public static async Task<ScreeningResult> ScreenAsync(IPostScreening screening, string text, CancellationToken cancellationToken)
    {
        var result = await screening.ScreenAsync(text, cancellationToken);
        if (result.Blocked)
        {
            throw ConsultationErrors.PostBlocked.ForField("body");
        }

        return result;
    }

    /// <summary>Resolves tag slugs (or Japanese names) to ids; 400 when one does not exist.</summary>
    public static async Task<List<Guid>> TagIdsAsync(IConsultationsDb db, IReadOnlyList<string>? tags, CancellationToken cancellationToken)
    {
        if (tags is null || tags.Count == 0)
        {
            return [];
        }

        var wanted = tags.Select(t => t.Trim()).Distinct().ToList();
        var found = await db.Tags.AsNoTracking()
            .Where(t => wanted.Contains(t.Slug) || wanted.Contains(t.Name))
            .Select(t => new { t.Id, t.Slug, t.Name })
            .ToListAsync(cancellationToken);
        var unknown = wanted.Where(w => !found.Any(f => f.Slug == w || f.Name == w)).ToList();
        if (unknown.Count > 0)
        {
            throw ConsultationErrors.TagUnknown.Error(
                new LocalizedText($"存在しないタグです: {string.Join("、", unknown)}", $"Unknown tags: {string.Join(", ", unknown)}"),
                "tags");
        }

        return found.Select(f => f.Id).ToList();
    }
}
