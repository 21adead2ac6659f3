using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Events;
using Salon.Application.Common.Time;
using Salon.Application.Consultations.Contracts;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations.Events;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.NoticesFromReactions;

/// <summary>Reactions to my post, one notice per post per Japan day that is rewritten as reactions arrive
/// (「3人が『わかる』と反応しました」), never naming anyone. Not for one's own reaction. A reaction is anonymous, so
/// one from a member the author blocked notifies and counts like anyone's: leaving it out would tell the author
/// whether the reactors were among the members they blocked (ADR 0016); a blocked member cannot react to the
/// author's named posts in the first place. E-mail (when the author chose immediate) goes with the day's first
/// reaction only.</summary>
public sealed class GroupReactionNotices(
    INotificationsDb db,
    IPostReactions reactions,
    NoticeSender notices) : IDomainEventHandler<ReactionAdded>
{
    public async Task HandleAsync(ReactionAdded domainEvent, CancellationToken cancellationToken)
    {
        var author = domainEvent.PostAuthorId;
        if (domainEvent.MemberId == author)
        {
            return;
        }

        if ((await notices.RecipientsAsync([author], domainEvent.MemberId, actorAnonymous: true, cancellationToken)).Count == 0)
        {
            return; // the author left
        }

        var dayStart = JapanTime.StartOfDayUtc(domainEvent.OccurredAt);
        // This event's reaction is not saved yet (events run before the INSERT); the earlier ones are.
        var earlier = await reactions.Reactions
            .Where(r => r.PostId == domainEvent.PostId && r.CreatedAt >= dayStart && r.MemberId != author)
            .Select(r => new { r.MemberId, r.KindName })
            .ToListAsync(cancellationToken);
        var today = earlier.Append(new { domainEvent.MemberId, domainEvent.KindName }).Distinct().ToList();
        var perKind = today.GroupBy(r => r.KindName)
            .OrderBy(g => Array.IndexOf(KindOrder, g.Key))
            .Select(g => (Kind: g.Key, People: g.Select(r => r.MemberId).Distinct().Count()))
            .ToList();
        var (ja, en) = Describe(perKind);

        if (!(await NotificationSettings.MutedInAppAsync(db, [author], NotificationKinds.Reactions, cancellationToken)).Contains(author))
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"reactions:{domainEvent.PostId:N}:{JapanTime.ToJst(domainEvent.OccurredAt):yyyyMMdd}");
            var notice = db.Notifications.Local.FirstOrDefault(n => n.MemberId == author && n.GroupKey == key)
                ?? await db.Notifications.SingleOrDefaultAsync(n => n.MemberId == author && n.GroupKey == key, cancellationToken);
            if (notice is null)
            {
                db.Notifications.Add(Notification.CreateGrouped(author, NotificationKinds.Reactions, key, ja, en, domainEvent.TopicId, domainEvent.PostId, domainEvent.OccurredAt));
            }
            else
            {
                notice.Regroup(ja, en, domainEvent.OccurredAt);
            }
        }

        if (earlier.Count == 0)
        {
            await notices.EmailImmediatelyAsync(
                [author],
                new Notice(
                    NotificationKinds.Reactions,
                    new LocalizedText(ja, en),
                    new LocalizedText("あなたの投稿にリアクションがありました。", "Someone reacted to your post."),
                    $"/topics/{domainEvent.TopicId}",
                    domainEvent.TopicId,
                    domainEvent.PostId),
                cancellationToken);
        }
    }

    private static readonly string[] KindOrder = ["relate", "thanks", "support"];

    private static (string Ja, string En) Describe(List<(string Kind, int People)> perKind)
    {
        var ja = string.Join("、", perKind.Select(k => $"{k.People}人が『{NameJa(k.Kind)}』"));
        var en = string.Join(", ", perKind.Select(k => $"{k.People} {(k.People == 1 ? "person" : "people")} with \"{NameEn(k.Kind)}\""));
        return ($"あなたの投稿に、{ja}と反応しました。", $"Reactions to your post: {en}.");
    }

    private static string NameJa(string kind) => kind switch
    {
        "relate" => "わかる",
        "thanks" => "ありがとう",
        _ => "応援",
    };

    private static string NameEn(string kind) => kind switch
    {
        "relate" => "I relate",
        "thanks" => "thank you",
        _ => "cheering you on",
    };
}
