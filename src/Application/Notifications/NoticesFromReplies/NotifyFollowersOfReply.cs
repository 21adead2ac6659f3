using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Events;
using Salon.Application.Notifications.Contracts;
using Salon.Application.Notifications.Email;
using Salon.Application.Consultations.Contracts;
using Salon.Application.Members.Contracts;
using Salon.Domain.Consultations.Events;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.NoticesFromReplies;

/// <summary>Tells the topic's author and its followers that someone answered, in the transaction that saves
/// the reply. Never the replier themself, never someone who blocked the replier, never about a reply held for
/// review, and never who replied (so an anonymous reply stays anonymous).</summary>
public sealed class NotifyFollowersOfReply(
    INotificationsDb db,
    ITopicFollowers topics,
    IMemberDirectory directory,
    IMemberContacts contacts,
    IEmailOutbox outbox,
    IOptions<SalonOptions> options) : IDomainEventHandler<ReplyPosted>
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
        var recipients = candidates.Except(blockedTheReplier).Except(gone).ToList();
        await EmailTheAuthorAsync(topic, recipients, domainEvent, cancellationToken);
        foreach (var memberId in recipients)
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

    /// <summary>Replies to my topic go out by e-mail at once unless the author chose digest or off.</summary>
    private async Task EmailTheAuthorAsync(TopicFollowers topic, List<Guid> recipients, ReplyPosted domainEvent, CancellationToken cancellationToken)
    {
        if (!recipients.Contains(topic.AuthorId))
        {
            return;
        }

        var choice = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.MemberId == topic.AuthorId && p.Kind == NotificationKinds.ReplyToMyTopic)
            .Select(p => (EmailDelivery?)p.Email)
            .SingleOrDefaultAsync(cancellationToken);
        if ((choice ?? EmailDelivery.Immediate) != EmailDelivery.Immediate)
        {
            return;
        }

        var addresses = await contacts.ConfirmedEmailsAsync([topic.AuthorId], cancellationToken);
        if (!addresses.TryGetValue(topic.AuthorId, out var address))
        {
            return;
        }

        var baseUrl = options.Value.PublicBaseUrl;
        var unsubscribe = UnsubscribeLinks.Create(db, topic.AuthorId, NotificationKinds.ReplyToMyTopic, address, baseUrl, domainEvent.OccurredAt);
        outbox.Enqueue(ReplyEmails.ReplyToMyTopic(topic.AuthorId, address, domainEvent.TopicId, baseUrl, unsubscribe));
    }
}
