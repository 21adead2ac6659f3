using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Events;
using Salon.Domain.Common;
using Salon.Domain.Consultations.Events;
using Salon.Domain.Moderation;

namespace Salon.Application.Moderation.ScreenNewPosts;

/// <summary>Screens every new or edited post inside the transaction that saves it, and opens the items
/// moderators must see: crisis (priority), held for review, watched-word flags. Items record which terms
/// matched, never the text.</summary>
public sealed class OpenItemsForNewPosts(IModerationDb db, PostScreening screening, Microsoft.Extensions.Options.IOptions<SafetyOptions> options)
    : IDomainEventHandler<TopicCreated>, IDomainEventHandler<ReplyPosted>, IDomainEventHandler<PostEdited>
{
    public Task HandleAsync(TopicCreated domainEvent, CancellationToken cancellationToken) =>
        OpenAsync(domainEvent.TopicId, PostKind.Topic, domainEvent.TopicId, domainEvent.AuthorId, domainEvent.Title + "\n" + domainEvent.Body, domainEvent.OccurredAt, cancellationToken);

    public Task HandleAsync(ReplyPosted domainEvent, CancellationToken cancellationToken) =>
        OpenAsync(domainEvent.ReplyId, PostKind.Reply, domainEvent.TopicId, domainEvent.AuthorId, domainEvent.Body, domainEvent.OccurredAt, cancellationToken);

    public Task HandleAsync(PostEdited domainEvent, CancellationToken cancellationToken) =>
        OpenAsync(domainEvent.PostId, domainEvent.PostKind, domainEvent.TopicId, domainEvent.AuthorId, domainEvent.Text, domainEvent.OccurredAt, cancellationToken);

    private async Task OpenAsync(Guid postId, PostKind kind, Guid topicId, Guid authorId, string text, DateTime now, CancellationToken cancellationToken)
    {
        var folded = SafetyText.Fold(text);
        var crisisTerms = screening.MatchedCrisisTerms(folded, text);
        var words = await screening.MatchedWatchedWordsAsync(folded, cancellationToken);

        if (crisisTerms.Count > 0)
        {
            await OpenOnceAsync(ModerationItemKind.Crisis, string.Join(", ", crisisTerms));
        }

        var holdWords = words.Where(w => w.Action == WatchedWordAction.Hold).Select(w => w.Word).ToList();
        if (holdWords.Count > 0 || (crisisTerms.Count > 0 && options.Value.CrisisPolicy == CrisisPolicy.HoldForReview))
        {
            await OpenOnceAsync(ModerationItemKind.Held, string.Join(", ", holdWords.Count > 0 ? holdWords : crisisTerms));
        }

        var flagWords = words.Where(w => w.Action == WatchedWordAction.Flag).Select(w => w.Word).ToList();
        if (flagWords.Count > 0)
        {
            await OpenOnceAsync(ModerationItemKind.WatchedWord, string.Join(", ", flagWords));
        }

        async Task OpenOnceAsync(ModerationItemKind itemKind, string detail)
        {
            var open = await db.ModerationItems.AnyAsync(i => i.PostId == postId && i.Kind == itemKind && i.Status == ModerationItemStatus.Open, cancellationToken)
                || db.ModerationItems.Local.Any(i => i.PostId == postId && i.Kind == itemKind && i.Status == ModerationItemStatus.Open);
            if (!open)
            {
                db.ModerationItems.Add(ModerationItem.Open(itemKind, postId, kind, topicId, authorId, detail, now));
            }
        }
    }
}
