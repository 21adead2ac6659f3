using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.ContractImplementations;

/// <summary>Topics and replies a notice points at that the reader can no longer see: deleted, hidden or held
/// (unless their own), in a deleted or hidden topic, named and by a member the reader blocked (never anonymous
/// ones: ADR 0016), or hidden by the reader from their own view. Four statements per page.</summary>
internal sealed class ConsultationNoticeSubjects(IConsultationsDb db, IMemberDirectory directory) : INoticeSubjects
{
    public async Task<IReadOnlySet<Guid>> UnavailableAsync(Guid readerId, IReadOnlyCollection<NoticeSubject> subjects, CancellationToken cancellationToken)
    {
        var ids = subjects.SelectMany(s => new[] { s.TopicId, s.PostId }).OfType<Guid>().Distinct().ToList();
        var gone = new HashSet<Guid>();
        if (ids.Count == 0)
        {
            return gone;
        }

        var topics = await db.Topics.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.AuthorId, t.IsAnonymous, Gone = t.DeletedAt != null || (t.Visibility != PostVisibility.Visible && t.AuthorId != readerId) })
            .ToListAsync(cancellationToken);
        var replies = await db.Replies.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.AuthorId, r.IsAnonymous, Gone = r.DeletedAt != null || (r.Visibility != PostVisibility.Visible && r.AuthorId != readerId) })
            .ToListAsync(cancellationToken);
        var authors = topics.Where(t => !t.IsAnonymous).Select(t => t.AuthorId).Concat(replies.Where(r => !r.IsAnonymous).Select(r => r.AuthorId)).Distinct().ToList();
        var blocked = (await directory.Blocks.Where(b => b.BlockerId == readerId && authors.Contains(b.BlockedId)).Select(b => b.BlockedId).ToListAsync(cancellationToken)).ToHashSet();
        var hidden = (await db.HiddenPosts.AsNoTracking().Where(h => h.MemberId == readerId && ids.Contains(h.PostId)).Select(h => h.PostId).ToListAsync(cancellationToken)).ToHashSet();

        gone.UnionWith(topics.Where(t => t.Gone || (!t.IsAnonymous && blocked.Contains(t.AuthorId))).Select(t => t.Id));
        gone.UnionWith(replies.Where(r => r.Gone || (!r.IsAnonymous && blocked.Contains(r.AuthorId))).Select(r => r.Id));
        gone.UnionWith(hidden);

        // A topic or post that no longer exists at all (purged) is gone too.
        gone.UnionWith(ids.Except(topics.Select(t => t.Id)).Except(replies.Select(r => r.Id)));

        // A reply in a topic that is gone is gone with it.
        foreach (var subject in subjects.Where(s => s.TopicId is { } topic && gone.Contains(topic) && s.PostId is not null))
        {
            gone.Add(subject.PostId!.Value);
        }

        return gone;
    }
}
