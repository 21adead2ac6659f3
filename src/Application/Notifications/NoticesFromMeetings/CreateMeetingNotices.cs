using System.Globalization;
using Salon.Application.Common.Events;
using Salon.Domain.Meetings.Events;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.NoticesFromMeetings;

/// <summary>Meeting notices (accepted, waitlisted, promoted, reminder, cancelled), created in the transaction
/// that decided them, for members who have not switched meeting notices off in the app.</summary>
public sealed class CreateMeetingNotices(INotificationsDb db)
    : IDomainEventHandler<MeetingApplicationAnswered>,
      IDomainEventHandler<MeetingApplicationPromoted>,
      IDomainEventHandler<MeetingReminderDue>,
      IDomainEventHandler<MeetingCancelled>
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    public Task HandleAsync(MeetingApplicationAnswered domainEvent, CancellationToken cancellationToken) =>
        domainEvent.Accepted
            ? AddAsync([domainEvent.MemberId], "meeting_accepted", domainEvent.MeetingId, domainEvent.OccurredAt,
                $"交流会「{domainEvent.Title}」への参加が決まりました。参加方法は交流会のページでご確認ください。",
                $"You have a seat at the meeting \"{domainEvent.Title}\". See the meeting page for how to join.",
                cancellationToken)
            : AddAsync([domainEvent.MemberId], "meeting_waitlisted", domainEvent.MeetingId, domainEvent.OccurredAt,
                $"交流会「{domainEvent.Title}」は満席のため、キャンセル待ちで受け付けました。席が空いたらお知らせします。",
                $"The meeting \"{domainEvent.Title}\" is full, so you are on the waitlist. We will tell you if a seat frees up.",
                cancellationToken);

    public Task HandleAsync(MeetingApplicationPromoted domainEvent, CancellationToken cancellationToken) =>
        AddAsync([domainEvent.MemberId], "meeting_promoted", domainEvent.MeetingId, domainEvent.OccurredAt,
            $"席が空いたため、交流会「{domainEvent.Title}」への参加が決まりました。参加方法は交流会のページでご確認ください。",
            $"A seat freed up: you now have a place at the meeting \"{domainEvent.Title}\". See the meeting page for how to join.",
            cancellationToken);

    public Task HandleAsync(MeetingReminderDue domainEvent, CancellationToken cancellationToken)
    {
        var at = new DateTimeOffset(DateTime.SpecifyKind(domainEvent.StartsAt, DateTimeKind.Utc)).ToOffset(Japan);
        var when = at.ToString("M月d日 H:mm", CultureInfo.InvariantCulture);
        var whenEn = at.ToString("MMM d, H:mm", CultureInfo.InvariantCulture);
        return domainEvent.HoursBefore == 1
            ? AddAsync([domainEvent.MemberId], "meeting_reminder", domainEvent.MeetingId, domainEvent.OccurredAt,
                $"まもなく（{when}）交流会「{domainEvent.Title}」が始まります。",
                $"The meeting \"{domainEvent.Title}\" starts soon ({whenEn} Japan time).",
                cancellationToken)
            : AddAsync([domainEvent.MemberId], "meeting_reminder", domainEvent.MeetingId, domainEvent.OccurredAt,
                $"明日（{when}）は交流会「{domainEvent.Title}」の日です。",
                $"The meeting \"{domainEvent.Title}\" is tomorrow ({whenEn} Japan time).",
                cancellationToken);
    }

    public Task HandleAsync(MeetingCancelled domainEvent, CancellationToken cancellationToken) =>
        AddAsync(domainEvent.ApplicantIds, "meeting_cancelled", domainEvent.MeetingId, domainEvent.OccurredAt,
            $"申し込まれていた交流会「{domainEvent.Title}」は中止になりました。",
            $"The meeting \"{domainEvent.Title}\" you applied for has been cancelled.",
            cancellationToken);

    private async Task AddAsync(IReadOnlyList<Guid> memberIds, string kind, Guid meetingId, DateTime now, string ja, string en, CancellationToken cancellationToken)
    {
        if (memberIds.Count == 0)
        {
            return;
        }

        var muted = await NotificationSettings.MutedInAppAsync(db, memberIds.ToList(), NotificationKinds.Meetings, cancellationToken);
        foreach (var memberId in memberIds.Where(id => !muted.Contains(id)))
        {
            db.Notifications.Add(Notification.AboutMeeting(memberId, kind, ja, en, meetingId, now));
        }
    }
}
