using Microsoft.EntityFrameworkCore;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;

namespace Salon.Application.Notifications.DigestSections;

/// <summary>「あなたへのお知らせ」: the kinds whose e-mail is the digest by default but that no other module's
/// section covers — reactions to my posts (the grouped in-app text, which names nobody and quotes nothing) and
/// notices from the moderation team (a fixed neutral line; the in-app text may carry a moderator's words).
/// Only notices still unread and newer than the reader's news start. One statement per batch.</summary>
public sealed class UnreadNoticesDigestSection(INotificationsDb db) : IDigestSection
{
    private const int PerReader = 5;

    public int Order => 1;

    public LocalizedText Heading { get; } = new("あなたへのお知らせ", "For you");

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<DigestLine>>> CollectAsync(IReadOnlyList<DigestReader> readers, DateTime now, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, IReadOnlyList<DigestLine>>();
        var wanting = readers
            .Where(r => r.DigestKinds.Contains(NotificationKinds.Reactions) || r.DigestKinds.Contains(NotificationKinds.Moderation))
            .ToDictionary(r => r.MemberId);
        if (wanting.Count == 0)
        {
            return result;
        }

        var ids = wanting.Keys.ToList();
        var earliest = wanting.Values.Min(r => r.Since);
        var unread = await db.Notifications.AsNoTracking()
            .Where(n => ids.Contains(n.MemberId) && n.ReadAt == null && n.CreatedAt > earliest
                && (n.Kind == NotificationKinds.Reactions || n.Kind.StartsWith("moderation")))
            .OrderByDescending(n => n.CreatedAt)
            .Select(n => new { n.MemberId, n.Kind, n.MessageJa, n.CreatedAt })
            .ToListAsync(cancellationToken);

        foreach (var group in unread.GroupBy(n => n.MemberId))
        {
            var reader = wanting[group.Key];
            var lines = group
                .Where(n => n.CreatedAt > reader.Since)
                .Where(n => n.Kind == NotificationKinds.Reactions
                    ? reader.DigestKinds.Contains(NotificationKinds.Reactions)
                    : reader.DigestKinds.Contains(NotificationKinds.Moderation))
                .Take(PerReader)
                .Select(n => new DigestLine(
                    n.Kind == NotificationKinds.Reactions ? n.MessageJa : "運営チームからのお知らせがあります。",
                    "/notifications"))
                .ToList();
            if (lines.Count > 0)
            {
                result[group.Key] = lines;
            }
        }

        return result;
    }
}
