using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Meetings;

namespace Salon.Application.Meetings.DigestSections;

/// <summary>「参加できる交流会」: up to three upcoming meetings still taking applications that fit the reader's
/// family position and that they have not applied to, soonest first. Two statements per batch.</summary>
public sealed class UpcomingMeetingsDigestSection(IMeetingsDb db) : IDigestSection
{
    private const int PerReader = 3;
    private const int Pool = 50;

    public int Order => 40;

    public LocalizedText Heading { get; } = new("参加できる交流会", "Meetings you can join");

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<DigestLine>>> CollectAsync(IReadOnlyList<DigestReader> readers, DateTime now, CancellationToken cancellationToken)
    {
        var wanting = readers.Where(r => r.DigestKinds.Contains(NotificationKinds.Meetings)).ToList();
        var result = new Dictionary<Guid, IReadOnlyList<DigestLine>>();
        if (wanting.Count == 0)
        {
            return result;
        }

        var open = await db.Meetings.AsNoTracking()
            .Where(m => m.CancelledAt == null && m.StartsAt > now && m.ApplicationDeadline >= now)
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
            .Take(Pool)
            .Select(m => new { m.Id, m.Title, m.StartsAt, m.Format, m.Eligibility })
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return result;
        }

        var meetingIds = open.Select(m => m.Id).ToList();
        var readerIds = wanting.Select(r => r.MemberId).ToList();
        var applied = (await db.MeetingApplications.AsNoTracking()
            .Where(a => meetingIds.Contains(a.MeetingId) && readerIds.Contains(a.MemberId) && a.Status != ApplicationStatus.Withdrawn)
            .Select(a => new { a.MemberId, a.MeetingId })
            .ToListAsync(cancellationToken))
            .Select(a => (a.MemberId, a.MeetingId))
            .ToHashSet();

        foreach (var reader in wanting)
        {
            var lines = open
                .Where(m => (m.Eligibility == FamilyPositions.None || (m.Eligibility & reader.FamilyPositions) != 0) && !applied.Contains((reader.MemberId, m.Id)))
                .Take(PerReader)
                .Select(m =>
                {
                    var at = JapanTime.WithOffset(m.StartsAt);
                    var format = m.Format == MeetingFormat.Online ? "オンライン" : "対面";
                    return new DigestLine($"{at.ToString("M/d H:mm", CultureInfo.InvariantCulture)}（{format}）{DigestLine.Excerpt(m.Title)}", $"/meetings/{m.Id}");
                })
                .ToList();
            if (lines.Count > 0)
            {
                result[reader.MemberId] = lines;
            }
        }

        return result;
    }
}
