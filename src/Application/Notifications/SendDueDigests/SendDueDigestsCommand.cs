using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Time;
using Salon.Application.Members.Contracts;
using Salon.Application.Moderation.Contracts;
using Salon.Application.Notifications.Contracts;
using Salon.Application.Notifications.Email;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.SendDueDigests;

/// <summary>Every 30 minutes: writes the digests that are due, in batches. State-driven and idempotent: a
/// (member, period) row is written with the digest e-mail in one transaction and is unique, so running twice,
/// concurrently, or after a crash never sends a period twice. Memory is bounded by the batch size.</summary>
public sealed record SendDueDigestsCommand(int BatchSize = 500) : ICommand<SendDueDigestsResult>;

public sealed class SendDueDigestsCommandValidator : AbstractValidator<SendDueDigestsCommand>
{
    public SendDueDigestsCommandValidator() => RuleFor(c => c.BatchSize).InclusiveBetween(1, 5000);
}

public sealed class SendDueDigestsCommandHandler(
    INotificationsDb db,
    IMemberContacts contacts,
    IEnumerable<IDigestSection> sections,
    IEmailOutbox outbox,
    ISupportResources support,
    IOptions<SalonOptions> options,
    TimeProvider time) : ICommandHandler<SendDueDigestsCommand, SendDueDigestsResult>
{
    private readonly IReadOnlyList<IDigestSection> _sections = sections.OrderBy(s => s.Order).ToList();

    public async ValueTask<SendDueDigestsResult> Handle(SendDueDigestsCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var chosen = (await db.DigestPreferences.AsNoTracking()
                .Where(p => p.Frequency != DigestFrequency.Off)
                .Select(p => new { p.Frequency, p.HourJst })
                .Distinct()
                .ToListAsync(cancellationToken))
            .Select(p => (p.Frequency, p.HourJst))
            .ToHashSet();
        int sent = 0, empty = 0;
        foreach (var slot in DigestSchedule.DueSlots(now).Where(s => s.IsDefault || chosen.Contains((s.Frequency, s.HourJst))))
        {
            var after = Guid.Empty;
            while (true)
            {
                var batch = await DueAsync(slot, now, after, command.BatchSize, cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                after = batch[^1].Id;
                var (batchSent, batchEmpty) = await WriteAsync(slot, batch, now, cancellationToken);
                sent += batchSent;
                empty += batchEmpty;
            }
        }

        SalonMetrics.DigestsSent(sent);
        return new SendDueDigestsResult(sent, empty);
    }

    private Task<List<ReachableMember>> DueAsync(DigestSlot slot, DateTime now, Guid after, int size, CancellationToken cancellationToken)
    {
        var activeSince = now - DigestSchedule.ActiveWithin;
        var due = contacts.Reachable(now)
            .Where(m => m.LastSeenAt != null && m.LastSeenAt >= activeSince && m.LastSeenAt < slot.WindowStart)
            .Where(m => !db.UndeliverableAddresses.Any(u => u.NormalizedAddress == m.NormalizedEmail))
            .Where(m => !db.DigestRuns.Any(r => r.MemberId == m.Id && r.PeriodStart == slot.PeriodStart));
        due = slot.IsDefault
            ? due.Where(m => db.DigestPreferences.Any(p => p.MemberId == m.Id && p.Frequency == slot.Frequency && p.HourJst == slot.HourJst)
                || !db.DigestPreferences.Any(p => p.MemberId == m.Id))
            : due.Where(m => db.DigestPreferences.Any(p => p.MemberId == m.Id && p.Frequency == slot.Frequency && p.HourJst == slot.HourJst));
        return due.Where(m => m.Id.CompareTo(after) > 0).OrderBy(m => m.Id).Take(size).ToListAsync(cancellationToken);
    }

    private async Task<(int Sent, int Empty)> WriteAsync(DigestSlot slot, List<ReachableMember> batch, DateTime now, CancellationToken cancellationToken)
    {
        var ids = batch.Select(m => m.Id).ToList();
        var lastDigests = await db.DigestRuns.AsNoTracking()
            .Where(r => ids.Contains(r.MemberId) && r.Sent)
            .GroupBy(r => r.MemberId)
            .Select(g => new { MemberId = g.Key, At = g.Max(r => r.AttemptedAt) })
            .ToDictionaryAsync(r => r.MemberId, r => r.At, cancellationToken);
        var choices = await db.NotificationPreferences.AsNoTracking()
            .Where(p => ids.Contains(p.MemberId))
            .Select(p => new { p.MemberId, p.Kind, p.Email })
            .ToDictionaryAsync(p => (p.MemberId, p.Kind), p => p.Email, cancellationToken);
        var readers = batch.Select(m =>
        {
            var since = new[] { m.LastSeenAt ?? DateTime.MinValue, lastDigests.GetValueOrDefault(m.Id, DateTime.MinValue), now - DigestSchedule.LookBack }.Max();
            var kinds = NotificationKinds.Defaults
                .Where(d => (choices.TryGetValue((m.Id, d.Kind), out var choice) ? choice : d.Email) == EmailDelivery.Digest)
                .Select(d => d.Kind)
                .ToHashSet();
            return new DigestReader(m.Id, m.FamilyPositions, since, kinds);
        }).ToList();

        var contents = new List<(IDigestSection Section, IReadOnlyDictionary<Guid, IReadOnlyList<DigestLine>> Lines)>();
        foreach (var section in _sections)
        {
            contents.Add((section, await section.CollectAsync(readers, now, cancellationToken)));
        }

        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var crisisLines = support.Lines();
        var planned = batch.Select(member =>
        {
            var parts = contents
                .Where(c => c.Lines.TryGetValue(member.Id, out var lines) && lines.Count > 0)
                .Select(c => new EmailSection($"{c.Section.Heading.Ja} / {c.Section.Heading.En}", c.Lines[member.Id].Select(l => (l.Text, (string?)(baseUrl + l.Path))).ToList()))
                .ToList();
            if (parts.Count == 0)
            {
                return new PlannedDigest(DigestRun.Record(member.Id, slot.PeriodStart, sent: false, now), null, null);
            }

            var (token, unsubscribeUrl) = UnsubscribeLinks.Issue(member.Id, "digest", member.Email, baseUrl, now);
            var message = NoticeEmails.Compose(
                "digest",
                member.Id,
                member.Email,
                ["サロンの最近の様子をお知らせします。", "Here is what has been happening on Salon since your last visit."],
                [.. parts, new EmailSection("サロンで見る / Open Salon", [("サロンにログイン / Sign in", baseUrl + "/")])],
                unsubscribeUrl,
                crisisLines);
            return new PlannedDigest(DigestRun.Record(member.Id, slot.PeriodStart, sent: true, now), token, message);
        }).ToList();

        try
        {
            planned.ForEach(Stage);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (db.IsUniqueKeyViolation(ex))
        {
            // Another run recorded some of these members for this period first: save one by one, skipping theirs.
            db.ChangeTracker.Clear();
            var saved = new List<PlannedDigest>();
            foreach (var digest in planned)
            {
                try
                {
                    Stage(digest);
                    await db.SaveChangesAsync(cancellationToken);
                    saved.Add(digest);
                }
                catch (DbUpdateException again) when (db.IsUniqueKeyViolation(again))
                {
                    db.ChangeTracker.Clear();
                }
            }

            planned = saved;
        }

        db.ChangeTracker.Clear();
        var sentCount = planned.Count(p => p.Message is not null);
        return (sentCount, planned.Count - sentCount);
    }

    private void Stage(PlannedDigest digest)
    {
        db.DigestRuns.Add(digest.Run);
        if (digest.Message is not null)
        {
            db.UnsubscribeTokens.Add(digest.Token!);
            outbox.Enqueue(digest.Message);
        }
    }

    private sealed record PlannedDigest(DigestRun Run, UnsubscribeToken? Token, EmailMessage? Message);
}
