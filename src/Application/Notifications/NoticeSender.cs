using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Time;
using Salon.Application.Members.Contracts;
using Salon.Application.Notifications.Contracts;
using Salon.Application.Notifications.Email;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications;

/// <summary>
/// THE way the Notifications module tells members something. Event handlers (NoticesFromReplies,
/// NoticesFromMeetings, NoticesFromAnnouncements, …) build a <see cref="Notice"/> and call
/// <see cref="DeliverAsync"/> inside the transaction of the event, so the notice and its e-mail commit
/// with the change:
/// <code>
/// await notices.DeliverAsync(memberIds, new Notice(NotificationKinds.Meetings, inAppText, neutralEmailText, $"/meetings/{id}"), actorId: officialId, cancellationToken);
/// </code>
/// It drops the actor, members who blocked the actor (unless the act was anonymous, ADR 0016) and deleted members; writes an in-app row for each
/// member who has not switched the kind off in-app; and queues an immediate e-mail (neutral subject, text
/// and HTML, RFC 8058 List-Unsubscribe for that kind) for each member whose e-mail choice for the kind is
/// <c>immediate</c> and whose address is confirmed and deliverable (suspended members get none). Members
/// who chose <c>digest</c> read about it in their digest; <c>off</c> means no e-mail.
/// </summary>
public sealed class NoticeSender(
    INotificationsDb db,
    IMemberDirectory directory,
    IMemberContacts contacts,
    IEmailOutbox outbox,
    IOptions<SalonOptions> options,
    TimeProvider time)
{
    public async Task DeliverAsync(IReadOnlyCollection<Guid> memberIds, Notice notice, Guid? actorId, CancellationToken cancellationToken)
    {
        var recipients = await RecipientsAsync(memberIds, actorId, notice.ActorAnonymous, cancellationToken);
        if (recipients.Count == 0)
        {
            return;
        }

        var now = time.UtcNow();
        var muted = notice.AlwaysInApp ? [] : await NotificationSettings.MutedInAppAsync(db, recipients, notice.Kind, cancellationToken);
        foreach (var memberId in recipients.Where(id => !muted.Contains(id)))
        {
            db.Notifications.Add(notice.MeetingId is { } meetingId
                ? Notification.AboutMeeting(memberId, notice.InAppKind, notice.InApp.Ja, notice.InApp.En, meetingId, now)
                : Notification.Create(memberId, notice.InAppKind, notice.InApp.Ja, notice.InApp.En, notice.TopicId, notice.PostId, now));
        }

        await EmailImmediatelyAsync(recipients, notice, cancellationToken);
    }

    /// <summary>The actor never, nor departed members, nor members who blocked the actor unless
    /// <paramref name="actorAnonymous"/>: an anonymous act reaches them like anyone's (ADR 0016).</summary>
    public async Task<List<Guid>> RecipientsAsync(IReadOnlyCollection<Guid> memberIds, Guid? actorId, bool actorAnonymous, CancellationToken cancellationToken)
    {
        var candidates = memberIds.Where(id => id != actorId).Distinct().ToList();
        if (candidates.Count == 0)
        {
            return candidates;
        }

        var excluded = await directory.Cards.Where(c => candidates.Contains(c.Id) && c.IsDeleted).Select(c => c.Id).ToListAsync(cancellationToken);
        if (actorId is { } actor && !actorAnonymous)
        {
            excluded.AddRange(await directory.Blocks
                .Where(b => b.BlockedId == actor && candidates.Contains(b.BlockerId))
                .Select(b => b.BlockerId)
                .ToListAsync(cancellationToken));
        }

        return candidates.Except(excluded).ToList();
    }

    /// <summary>Queues the e-mail for the recipients whose choice for the kind is immediate. Callers that
    /// keep their own in-app rows (grouped notices) call this directly with already-filtered recipients.</summary>
    public async Task EmailImmediatelyAsync(IReadOnlyCollection<Guid> recipients, Notice notice, CancellationToken cancellationToken)
    {
        var byDefault = NotificationKinds.Defaults.First(d => d.Kind == notice.Kind).Email;
        var choices = await db.NotificationPreferences.AsNoTracking()
            .Where(p => recipients.Contains(p.MemberId) && p.Kind == notice.Kind)
            .ToDictionaryAsync(p => p.MemberId, p => p.Email, cancellationToken);
        var immediate = recipients.Where(id => (choices.TryGetValue(id, out var choice) ? choice : byDefault) == EmailDelivery.Immediate).ToList();
        if (immediate.Count == 0)
        {
            return;
        }

        var now = time.UtcNow();
        var addresses = await contacts.Reachable(now)
            .Where(m => immediate.Contains(m.Id) && !db.UndeliverableAddresses.Any(u => u.NormalizedAddress == m.NormalizedEmail))
            .Select(m => new { m.Id, m.Email })
            .ToListAsync(cancellationToken);
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        foreach (var address in addresses)
        {
            var unsubscribe = UnsubscribeLinks.Create(db, address.Id, notice.Kind, address.Email, baseUrl, now);
            outbox.Enqueue(NoticeEmails.Compose(
                notice.EmailKind,
                address.Id,
                address.Email,
                [notice.Email.Ja, notice.Email.En],
                [new EmailSection("サロンで見る / Open Salon", [("サロンにログインしてご覧ください / Sign in to read it", baseUrl + notice.LinkPath)])],
                unsubscribe));
        }
    }
}
