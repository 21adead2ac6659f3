using Microsoft.EntityFrameworkCore;
using Salon.Application.Notifications.Contracts;

namespace Salon.Application.Announcements;

/// <summary>Announcements a notice points at that were deleted since.</summary>
internal sealed class AnnouncementNoticeSubjects(IAnnouncementsDb db) : INoticeSubjects
{
    public async Task<IReadOnlySet<Guid>> UnavailableAsync(Guid readerId, IReadOnlyCollection<NoticeSubject> subjects, CancellationToken cancellationToken)
    {
        var ids = subjects.Select(s => s.AnnouncementId).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var present = await db.Announcements.AsNoTracking().Where(a => ids.Contains(a.Id) && a.DeletedAt == null).Select(a => a.Id).ToListAsync(cancellationToken);
        return ids.Except(present).ToHashSet();
    }
}
