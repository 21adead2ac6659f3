using Microsoft.EntityFrameworkCore;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;

namespace Salon.Application.Announcements.DigestSections;

/// <summary>「運営からのお知らせ」: announcements published since the reader's news starts (up to three, newest
/// first). One statement per batch.</summary>
public sealed class NewAnnouncementsDigestSection(IAnnouncementsDb db) : IDigestSection
{
    private const int PerReader = 3;

    public int Order => 5;

    public LocalizedText Heading { get; } = new("運営からのお知らせ", "Announcements from Salon");

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<DigestLine>>> CollectAsync(IReadOnlyList<DigestReader> readers, DateTime now, CancellationToken cancellationToken)
    {
        var wanting = readers.Where(r => r.DigestKinds.Contains(NotificationKinds.Announcements)).ToList();
        var result = new Dictionary<Guid, IReadOnlyList<DigestLine>>();
        if (wanting.Count == 0)
        {
            return result;
        }

        var earliest = wanting.Min(r => r.Since);
        var recent = await db.Announcements.AsNoTracking()
            .Where(a => a.DeletedAt == null && a.PublishAt <= now && a.PublishAt > earliest)
            .OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id)
            .Take(20)
            .Select(a => new { a.Id, a.Title, a.PublishAt })
            .ToListAsync(cancellationToken);
        foreach (var reader in wanting)
        {
            var lines = recent.Where(a => a.PublishAt > reader.Since).Take(PerReader)
                .Select(a => new DigestLine(DigestLine.Excerpt(a.Title), $"/announcements/{a.Id}"))
                .ToList();
            if (lines.Count > 0)
            {
                result[reader.MemberId] = lines;
            }
        }

        return result;
    }
}
