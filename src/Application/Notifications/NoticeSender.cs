using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Persistence;
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

    /// <summary>Several notices of one act (the same actor) at once: who of the recipients may be told (with those a
    /// delivery chooses by query, <see cref="NoticeDelivery.MembersChosenBy"/>), their preferences for these kinds and
    /// their addresses are read in ONE query for all of them, not once per notice nor once per kind of fact (issue 15,
    /// docs/adr/0029).</summary>
    public async Task DeliverAsync(IReadOnlyList<NoticeDelivery> deliveries, Guid? actorId, bool actorAnonymous, CancellationToken cancellationToken)
    {
        var chosenBy = deliveries.Where(d => d.MembersChosenBy is not null).ToList();
        if (chosenBy.Count > 1)
        {
            throw new ArgumentException("At most one delivery may choose its members by query.", nameof(deliveries));
        }

        var candidates = deliveries.SelectMany(d => d.MemberIds).Where(id => id != actorId).Distinct().ToList();
        var query = chosenBy.FirstOrDefault()?.MembersChosenBy;
        if (candidates.Count == 0 && query is null)
        {
            return;
        }

        var kinds = deliveries.Select(d => d.Notice.Kind).Distinct().ToList();
        var now = time.UtcNow();
        var reachable = await ReachableAsync(candidates, query, kinds, actorId, actorAnonymous, now, cancellationToken);
        foreach (var delivery in deliveries)
        {
            var notice = delivery.Notice;
            var chosen = delivery.MembersChosenBy is null ? [] : reachable.Values.Where(r => r.Chosen).Select(r => r.Id);
            var recipients = delivery.MemberIds.Concat(chosen).Where(id => id != actorId && reachable.ContainsKey(id)).Distinct().ToList();
            foreach (var memberId in recipients.Where(id => notice.AlwaysInApp || reachable[id].Preference(notice.Kind)?.InApp != false))
            {
                db.Notifications.Add(notice.MeetingId is { } meetingId
                    ? Notification.AboutMeeting(memberId, notice.InAppKind, notice.InApp.Ja, notice.InApp.En, meetingId, now)
                    : Notification.Create(memberId, notice.InAppKind, notice.InApp.Ja, notice.InApp.En, notice.TopicId, notice.PostId, now));
            }

            var byDefault = DefaultEmail(notice.Kind);
            Email(
                notice,
                recipients
                    .Select(id => reachable[id])
                    .Where(r => r.Email is not null && (r.Preference(notice.Kind)?.Email ?? byDefault) == EmailDelivery.Immediate)
                    .Select(r => new MemberAddress(r.Id, r.Email!)),
                now);
        }
    }

    /// <summary>Of <paramref name="candidates"/> and those <paramref name="query"/> chooses, those who may be told (not
    /// departed, and — unless the act is anonymous, ADR 0016 — not blocking the actor), each with whether the query chose
    /// them, their choices for <paramref name="kinds"/> and their address when they may be e-mailed now (confirmed,
    /// deliverable, not suspended): one statement.</summary>
    private async Task<Dictionary<Guid, Reachable>> ReachableAsync(
        List<Guid> candidates, IQueryable<Guid>? query, List<string> kinds, Guid? actorId, bool actorAnonymous, DateTime now, CancellationToken cancellationToken)
    {
        // (Without a query, one that chooses no one, so that the statement keeps one shape.) The ids are one set: with an
        // OR of the two PostgreSQL read every member and every preference (560 ms at 100,400 members, ADR 0053).
        var chosen = query ?? directory.Cards.Where(c => false).Select(c => c.Id);
        var ids = directory.Cards.Where(c => candidates.Contains(c.Id)).Select(c => c.Id).Concat(chosen);
        var members = directory.Cards.Where(c => ids.Contains(c.Id) && !c.IsDeleted);
        if (actorId is { } actor && !actorAnonymous)
        {
            members = members.Where(c => !directory.Blocks.Any(b => b.BlockedId == actor && b.BlockerId == c.Id));
        }

        var deliverable = Deliverable(now);
        var rows = await members
            .Select(c => new Reachable(
                c.Id,
                chosen.Contains(c.Id),
                deliverable
                    .Where(m => m.Id == c.Id)
                    .Select(m => m.Email)
                    .FirstOrDefault(),
                db.NotificationPreferences
                    .Where(p => p.MemberId == c.Id && kinds.Contains(p.Kind))
                    .Select(p => new KindChoice(p.Kind, p.InApp, p.Email))
                    .ToList()))
            .AsNoTracking()
            .TagWith(QueryTags.GenericPlan)
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id);
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

        return await Deliverable(time.UtcNow())
            .Where(m => memberIds.Contains(m.Id))
            .Select(m => new MemberAddress(m.Id, m.Email))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The members who may be e-mailed now (<see cref="IMemberContacts.Reachable"/>) at an address that has not
    /// bounced.</summary>
    private IQueryable<ReachableMember> Deliverable(DateTime now) =>
        contacts.Reachable(now).Where(m => !db.UndeliverableAddresses.Any(u => u.NormalizedAddress == m.NormalizedEmail));

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

    /// <summary>A member who may be told, whether a delivery's query chose them, their address when they may be e-mailed
    /// now, their choices for the kinds asked.</summary>
    private sealed record Reachable(Guid Id, bool Chosen, string? Email, List<KindChoice> Choices)
    {
        public KindChoice? Preference(string kind) => Choices.Find(c => c.Kind == kind);
    }

    private sealed record KindChoice(string Kind, bool InApp, EmailDelivery Email);
}
