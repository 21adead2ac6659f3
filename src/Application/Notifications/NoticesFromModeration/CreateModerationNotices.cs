using Salon.Application.Common.Events;
using Salon.Application.Moderation.Contracts;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Moderation.Events;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.NoticesFromModeration;

/// <summary>Private notices from the safety team, created in the transaction that decided them. The caring
/// notice carries the crisis lines and never says who was worried, and is in-app only (never e-mailed); the
/// warning points at the post and carries the moderator's words.</summary>
public sealed class CreateModerationNotices(INotificationsDb db, ISupportResources support, NoticeSender notices)
    : IDomainEventHandler<CaringNoticeDue>, IDomainEventHandler<MemberWarned>, IDomainEventHandler<PostHiddenForReview>, IDomainEventHandler<PostRestored>
{
    public Task HandleAsync(PostHiddenForReview domainEvent, CancellationToken cancellationToken) =>
        DeliverAsync(
            domainEvent.AuthorId,
            "moderation_hidden",
            domainEvent.ByModerator
                ? new LocalizedText(
                    "あなたの投稿は、運営チームが確認するまで一時的に非表示になっています。あなたには引き続き表示されます。",
                    "Your post is hidden while the moderation team reviews it. You can still see it.")
                : new LocalizedText(
                    "あなたの投稿は、ほかのメンバーからの報告を受けて、運営チームが確認するまで一時的に非表示になっています。あなたには引き続き表示されます。",
                    "Your post was reported by other members and is hidden while the moderation team reviews it. You can still see it."),
            domainEvent.TopicId,
            domainEvent.PostId,
            cancellationToken);

    public Task HandleAsync(PostRestored domainEvent, CancellationToken cancellationToken) =>
        DeliverAsync(
            domainEvent.AuthorId,
            "moderation_restored",
            new LocalizedText("確認の結果、あなたの投稿はふたたび表示されるようになりました。", "Your post has been reviewed and is visible again."),
            domainEvent.TopicId,
            domainEvent.PostId,
            cancellationToken);

    public Task HandleAsync(CaringNoticeDue domainEvent, CancellationToken cancellationToken)
    {
        var lines = string.Join("\n", support.Lines().Select(l => $"・{l.Name} {l.Phone}（{l.Hours}）"));
        db.Notifications.Add(Notification.Create(
            domainEvent.MemberId,
            "caring_notice",
            "サロンの運営チームより。最近、つらい思いをされていませんか。ひとりで抱えこまず、よかったら話を聞いてくれる窓口を頼ってください。\n" + lines,
            "From Salon's support team: we wanted to check in. If things feel heavy, you don't have to carry them alone; these lines can listen.\n" + lines,
            null,
            null,
            domainEvent.OccurredAt));
        return Task.CompletedTask;
    }

    public Task HandleAsync(MemberWarned domainEvent, CancellationToken cancellationToken)
    {
        var note = string.IsNullOrWhiteSpace(domainEvent.Note) ? string.Empty : "\n" + domainEvent.Note;
        return DeliverAsync(
            domainEvent.MemberId,
            "moderation_warned",
            new LocalizedText(
                "運営チームから、あなたの投稿についてお知らせがあります。ガイドラインをご確認ください。" + note,
                "The moderation team has a note about one of your posts. Please review the community guidelines." + note),
            null,
            domainEvent.PostId,
            cancellationToken);
    }

    /// <summary>Decisions about a member's own posts: always in-app (the switch does not hide them); by
    /// e-mail at once only if the member chose that for <c>moderation</c>, with neutral words.</summary>
    private Task DeliverAsync(Guid memberId, string inAppKind, LocalizedText text, Guid? topicId, Guid? postId, CancellationToken cancellationToken) =>
        notices.DeliverAsync(
            [memberId],
            new Notice(
                NotificationKinds.Moderation,
                text,
                new LocalizedText("運営チームからお知らせがあります。", "There is a message for you from the Salon team."),
                "/notifications",
                topicId,
                postId) { InAppKind = inAppKind, AlwaysInApp = true },
            actorId: null,
            cancellationToken);
}
