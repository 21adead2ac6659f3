using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Events;
using Salon.Application.Consultations.Contracts;
using Salon.Application.Members.Contracts;
using Salon.Domain.Consultations.Events;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.NoticesFromReplies;

/// <summary>Tells the topic's author and its followers that someone answered, in the transaction that saves
/// the reply. Never the replier themself, never someone who blocked the replier, never about a reply held for
/// review, and never who replied (so an anonymous reply stays anonymous).</summary>
public sealed class NotifyFollowersOfReply(INotificationsDb db, ITopicFollowers topics, IMemberDirectory directory) : IDomainEventHandler<ReplyPosted>
{
    public async Task HandleAsync(ReplyPosted domainEvent, CancellationToken cancellationToken)
    {
        if (!domainEvent.IsVisible)
        {
            return;
        }

        var topic = await topics.FindAsync(domainEvent.TopicId, cancellationToken);
        if (topic is null)
        {
            return;
        }

        var candidates = topic.FollowerIds.Append(topic.AuthorId).Where(id => id != domainEvent.AuthorId).Distinct().ToList();
        var blockedTheReplier = await directory.Blocks
            .Where(b => b.BlockedId == domainEvent.AuthorId && candidates.Contains(b.BlockerId))
            .Select(b => b.BlockerId)
            .ToListAsync(cancellationToken);
        var gone = await directory.Cards.Where(c => candidates.Contains(c.Id) && c.IsDeleted).Select(c => c.Id).ToListAsync(cancellationToken);

        var mutedMine = await NotificationSettings.MutedInAppAsync(db, candidates, NotificationKinds.ReplyToMyTopic, cancellationToken);
        var mutedFollowed = await NotificationSettings.MutedInAppAsync(db, candidates, NotificationKinds.ReplyInFollowedTopic, cancellationToken);
        foreach (var memberId in candidates.Except(blockedTheReplier).Except(gone))
        {
            var mine = memberId == topic.AuthorId;
            if (mine ? mutedMine.Contains(memberId) : mutedFollowed.Contains(memberId))
            {
                continue;
            }

            db.Notifications.Add(Notification.Create(
                memberId,
                mine ? NotificationKinds.ReplyToMyTopic : NotificationKinds.ReplyInFollowedTopic,
                mine ? $"あなたの相談「{topic.Title}」に返信がありました。" : $"フォロー中の相談「{topic.Title}」に新しい返信がありました。",
                mine ? $"Someone replied to your consultation \"{topic.Title}\"." : $"There is a new reply in \"{topic.Title}\", which you follow.",
                domainEvent.TopicId,
                domainEvent.ReplyId,
                domainEvent.OccurredAt));
        }
    }
}
