using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Persistence;
using Salon.Domain.Announcements;

namespace Salon.Application.Announcements;

/// <summary>The Announcements module's persistence port.</summary>
public interface IAnnouncementsDb : IDatabaseTransactions, IDatabaseErrors
{
    DbSet<Announcement> Announcements { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
