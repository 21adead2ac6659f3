using System.Globalization;
using Salon.Application.Common.Events;
using Salon.Application.Common.Time;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Meetings.Events;

namespace Salon.Application.Notifications.NoticesFromMeetings;

/// <summary>Meeting notices (accepted, waitlisted, promoted, reminder, changed, cancelled), through the one
/// <see cref="NoticeSender"/> path in the transaction that decided them: in-app unless switched off, and an
/// immediate e-mail for members who chose it for meetings (the default is the digest). The in-app text names
/// the meeting; the e-mail never does.</summary>
public sealed class CreateMeetingNotices(NoticeSender notices)
    : IDomainEventHandler<MeetingApplicationAnswered>,
      IDomainEventHandler<MeetingApplicationPromoted>,
      IDomainEventHandler<MeetingReminderDue>,
      IDomainEventHandler<MeetingCancelled>,
      IDomainEventHandler<MeetingChanged>
{
    private static readonly LocalizedText NeutralEmail = new(
        "お申し込みの交流会についてお知らせがあります。",
        "There is news about a meeting you applied for.");

    public Task HandleAsync(MeetingApplicationAnswered domainEvent, CancellationToken cancellationToken) =>
        domainEvent.Accepted
            ? SendAsync([domainEvent.MemberId], "meeting_accepted", domainEvent.MeetingId, new LocalizedText(
                $"交流会「{domainEvent.Title}」への参加が決まりました。参加方法は交流会のページでご確認ください。",
                $"You have a seat at the meeting \"{domainEvent.Title}\". See the meeting page for how to join."), cancellationToken)
            : SendAsync([domainEvent.MemberId], "meeting_waitlisted", domainEvent.MeetingId, new LocalizedText(
                $"交流会「{domainEvent.Title}」は満席のため、キャンセル待ちで受け付けました。席が空いたらお知らせします。",
                $"The meeting \"{domainEvent.Title}\" is full, so you are on the waitlist. We will tell you if a seat frees up."), cancellationToken);

    public Task HandleAsync(MeetingApplicationPromoted domainEvent, CancellationToken cancellationToken) =>
        SendAsync([domainEvent.MemberId], "meeting_promoted", domainEvent.MeetingId, new LocalizedText(
            $"席が空いたため、交流会「{domainEvent.Title}」への参加が決まりました。参加方法は交流会のページでご確認ください。",
            $"A seat freed up: you now have a place at the meeting \"{domainEvent.Title}\". See the meeting page for how to join."), cancellationToken);

    public Task HandleAsync(MeetingReminderDue domainEvent, CancellationToken cancellationToken)
    {
        var at = JapanTime.WithOffset(domainEvent.StartsAt);
        var when = at.ToString("M月d日 H:mm", CultureInfo.InvariantCulture);
        var whenEn = at.ToString("MMM d, H:mm", CultureInfo.InvariantCulture);
        var text = domainEvent.HoursBefore == 1
            ? new LocalizedText($"まもなく（{when}）交流会「{domainEvent.Title}」が始まります。", $"The meeting \"{domainEvent.Title}\" starts soon ({whenEn} Japan time).")
            : new LocalizedText($"明日（{when}）は交流会「{domainEvent.Title}」の日です。", $"The meeting \"{domainEvent.Title}\" is tomorrow ({whenEn} Japan time).");
        return SendAsync([domainEvent.MemberId], "meeting_reminder", domainEvent.MeetingId, text, cancellationToken);
    }

    public Task HandleAsync(MeetingCancelled domainEvent, CancellationToken cancellationToken) =>
        SendAsync(domainEvent.ApplicantIds, "meeting_cancelled", domainEvent.MeetingId, new LocalizedText(
            $"申し込まれていた交流会「{domainEvent.Title}」は中止になりました。",
            $"The meeting \"{domainEvent.Title}\" you applied for has been cancelled."), cancellationToken);

    public Task HandleAsync(MeetingChanged domainEvent, CancellationToken cancellationToken) =>
        SendAsync(domainEvent.ApplicantIds, "meeting_changed", domainEvent.MeetingId, new LocalizedText(
            $"申し込まれていた交流会「{domainEvent.Title}」の日時・場所・参加方法が変更されました。交流会のページでご確認ください。",
            $"The time, place or way to join the meeting \"{domainEvent.Title}\" you applied for has changed. Please check the meeting page."), cancellationToken);

    private Task SendAsync(IReadOnlyList<Guid> memberIds, string kind, Guid meetingId, LocalizedText inApp, CancellationToken cancellationToken) =>
        notices.DeliverAsync(
            memberIds,
            new Notice(NotificationKinds.Meetings, inApp, NeutralEmail, $"/meetings/{meetingId}") { InAppKind = kind, MeetingId = meetingId },
            actorId: null,
            cancellationToken);
}
