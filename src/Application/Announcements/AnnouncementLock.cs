using Microsoft.EntityFrameworkCore;
using Salon.Domain.Announcements;

namespace Salon.Application.Announcements;

/// <summary>Loads an announcement under its row lock (inside the caller's transaction), so publication and
/// edits are serialised and members are told exactly once.</summary>
internal static class AnnouncementLock
{
    public static async Task<Announcement?> AcquireAsync(IAnnouncementsDb db, Guid id, CancellationToken cancellationToken)
    {
        var locked = await db.Announcements.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
        return locked == 0 ? null : await db.Announcements.SingleAsync(a => a.Id == id, cancellationToken);
    }
}
