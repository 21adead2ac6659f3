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
/// <see cref="DeliverAsync(IReadOnlyCollection{Guid}, Notice, Guid?, CancellationToken)"/> inside the transaction of the event, so the notice and its e-mail commit
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
    public Task DeliverAsync(IReadOnlyCollection<Guid> memberIds, Notice notice, Guid? actorId, CancellationToken cancellationToken) =>
        DeliverAsync([new NoticeDelivery(memberIds, notice)], actorId, notice.ActorAnonymous, cancellationToken);

    /// <summary>Several notices of one act (the same actor) at once: the recipients, their preferences and their
    /// addresses are each read in one query for all of them, not once per notice (issue 15, docs/adr/0029).</summary>
    public async Task DeliverAsync(IReadOnlyList<NoticeDelivery> deliveries, Guid? actorId, bool actorAnonymous, CancellationToken cancellationToken)
    {
        var excluded = await ExcludedAsync(deliveries.SelectMany(d => d.MemberIds).ToList(), actorId, actorAnonymous, cancellationToken);
        var recipients = deliveries.Select(d => Recipients(d.MemberIds, actorId, excluded)).ToList();
        var everyone = recipients.SelectMany(r => r).Distinct().ToList();
        if (everyone.Count == 0)
        {
            return;
        }

        var kinds = deliveries.Select(d => d.Notice.Kind).Distinct().ToList();
        var chosen = (await db.NotificationPreferences.AsNoTracking()
                .Where(p => everyone.Contains(p.MemberId) && kinds.Contains(p.Kind))
                .Select(p => new { p.MemberId, p.Kind, p.InApp, p.Email })
                .ToListAsync(cancellationToken))
            .ToDictionary(p => (p.MemberId, p.Kind));
        var now = time.UtcNow();
        var immediate = new List<HashSet<Guid>>(deliveries.Count);
        for (var i = 0; i < deliveries.Count; i++)
        {
            var notice = deliveries[i].Notice;
            foreach (var memberId in recipients[i].Where(id => notice.AlwaysInApp || !chosen.TryGetValue((id, notice.Kind), out var p) || p.InApp))
            {
                db.Notifications.Add(notice.MeetingId is { } meetingId
                    ? Notification.AboutMeeting(memberId, notice.InAppKind, notice.InApp.Ja, notice.InApp.En, meetingId, now)
                    : Notification.Create(memberId, notice.InAppKind, notice.InApp.Ja, notice.InApp.En, notice.TopicId, notice.PostId, now));
            }

            var byDefault = DefaultEmail(notice.Kind);
            immediate.Add(recipients[i].Where(id => (chosen.TryGetValue((id, notice.Kind), out var p) ? p.Email : byDefault) == EmailDelivery.Immediate).ToHashSet());
        }

        var addresses = await AddressesAsync(immediate.SelectMany(r => r).Distinct().ToList(), cancellationToken);
        for (var i = 0; i < deliveries.Count; i++)
        {
            Email(deliveries[i].Notice, addresses.Where(a => immediate[i].Contains(a.Id)), now);
        }
    }

    /// <summary>The actor never, nor departed members, nor members who blocked the actor unless
    /// <paramref name="actorAnonymous"/>: an anonymous act reaches them like anyone's (ADR 0016).</summary>
    public async Task<List<Guid>> RecipientsAsync(IReadOnlyCollection<Guid> memberIds, Guid? actorId, bool actorAnonymous, CancellationToken cancellationToken) =>
        Recipients(memberIds, actorId, await ExcludedAsync(memberIds, actorId, actorAnonymous, cancellationToken));

    private static List<Guid> Recipients(IReadOnlyCollection<Guid> memberIds, Guid? actorId, HashSet<Guid> excluded) =>
        memberIds.Where(id => id != actorId && !excluded.Contains(id)).Distinct().ToList();

    /// <summary>Of <paramref name="memberIds"/>, the departed and (unless the act is anonymous) those who blocked the
    /// actor, in one query.</summary>
    private async Task<HashSet<Guid>> ExcludedAsync(IReadOnlyCollection<Guid> memberIds, Guid? actorId, bool actorAnonymous, CancellationToken cancellationToken)
    {
        var candidates = memberIds.Where(id => id != actorId).Distinct().ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var excluded = directory.Cards.Where(c => candidates.Contains(c.Id) && c.IsDeleted).Select(c => c.Id);
        if (actorId is { } actor && !actorAnonymous)
        {
            excluded = excluded.Concat(directory.Blocks
                .Where(b => b.BlockedId == actor && candidates.Contains(b.BlockerId))
                .Select(b => b.BlockerId));
        }

        return (await excluded.ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>Queues the e-mail for the recipients whose choice for the kind is immediate. Callers that
    /// keep their own in-app rows (grouped notices) call this directly with already-filtered recipients.</summary>
    public async Task EmailImmediatelyAsync(IReadOnlyCollection<Guid> recipients, Notice notice, CancellationToken cancellationToken)
    {
        var byDefault = DefaultEmail(notice.Kind);
        var choices = await db.NotificationPreferences.AsNoTracking()
            .Where(p => recipients.Contains(p.MemberId) && p.Kind == notice.Kind)
            .ToDictionaryAsync(p => p.MemberId, p => p.Email, cancellationToken);
        var immediate = recipients.Where(id => (choices.TryGetValue(id, out var choice) ? choice : byDefault) == EmailDelivery.Immediate).ToList();
        Email(notice, await AddressesAsync(immediate, cancellationToken), time.UtcNow());
    }

    private static EmailDelivery DefaultEmail(string kind) => NotificationKinds.Defaults.First(d => d.Kind == kind).Email;

    /// <summary>The confirmed, deliverable addresses of those of <paramref name="memberIds"/> who may be e-mailed now.</summary>
    private async Task<List<MemberAddress>> AddressesAsync(List<Guid> memberIds, CancellationToken cancellationToken)
    {
        if (memberIds.Count == 0)
        {
            return [];
        }

        return await contacts.Reachable(time.UtcNow())
            .Where(m => memberIds.Contains(m.Id) && !db.UndeliverableAddresses.Any(u => u.NormalizedAddress == m.NormalizedEmail))
            .Select(m => new MemberAddress(m.Id, m.Email))
            .ToListAsync(cancellationToken);
    }

    private void Email(Notice notice, IEnumerable<MemberAddress> addresses, DateTime now)
    {
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

    private sealed record MemberAddress(Guid Id, string Email);
}
