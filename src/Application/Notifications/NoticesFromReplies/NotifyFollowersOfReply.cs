using Salon.Application.Common.Events;
using Salon.Application.Consultations.Contracts;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations.Events;

namespace Salon.Application.Notifications.NoticesFromReplies;

/// <summary>Tells the topic's author and its followers that someone answered, in the transaction that saves
/// the reply. Never the replier themself, never a follower of a topic held or hidden (only its author sees it), never someone who blocked the replier when the reply is named (an
/// anonymous reply reaches them like anyone's: ADR 0016), never about a reply held for review, and never who
/// replied (so an anonymous reply stays anonymous). E-mail follows each member's choice
/// for the kind (replies to my topic: immediate by default; in followed topics: digest by default).</summary>
public sealed class NotifyFollowersOfReply(ITopicFollowers topicFollowers, NoticeSender notices) : IDomainEventHandler<ReplyPosted>
{
    public async Task HandleAsync(ReplyPosted domainEvent, CancellationToken cancellationToken)
    {
        if (!domainEvent.IsVisible)
        {
            return;
        }

        var title = domainEvent.TopicTitle;
        var authorId = domainEvent.TopicAuthorId;
        var link = $"/topics/{domainEvent.TopicId}";
        var toAuthor = new NoticeDelivery(
            [authorId],
            new Notice(
                NotificationKinds.ReplyToMyTopic,
                new LocalizedText($"あなたの相談「{title}」に返信がありました。", $"Someone replied to your consultation \"{title}\"."),
                new LocalizedText("あなたの相談に新しい返信がありました。", "There is a new reply to your consultation."),
                link,
                domainEvent.TopicId,
                domainEvent.ReplyId) { EmailKind = "reply-notice", ActorAnonymous = domainEvent.IsAnonymous });

        // The followers other than the author, chosen in the sender's own statement. A topic held or hidden is its
        // author's alone: its followers are told nothing of it.
        var toFollowers = new NoticeDelivery(
            [],
            new Notice(
                NotificationKinds.ReplyInFollowedTopic,
                new LocalizedText($"フォロー中の相談「{title}」に新しい返信がありました。", $"There is a new reply in \"{title}\", which you follow."),
                new LocalizedText("フォロー中の相談に新しい返信がありました。", "There is a new reply in a consultation you follow."),
                link,
                domainEvent.TopicId,
                domainEvent.ReplyId) { ActorAnonymous = domainEvent.IsAnonymous })
        {
            MembersChosenBy = domainEvent.TopicIsVisible ? topicFollowers.FollowerIds(domainEvent.TopicId).Where(id => id != authorId) : null,
        };

        // Both notices at once: recipients, preferences and addresses are read once for the two.
        await notices.DeliverAsync([toAuthor, toFollowers], domainEvent.AuthorId, domainEvent.IsAnonymous, cancellationToken);
    }
}
