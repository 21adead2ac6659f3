using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Persistence;
using Salon.Domain.Moderation;

namespace Salon.Application.Moderation;

/// <summary>The Moderation module's persistence port.</summary>
public interface IModerationDb : IDatabaseTransactions, IDatabaseErrors
{
    DbSet<ModerationItem> ModerationItems { get; }

    DbSet<Report> Reports { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<WatchedWord> WatchedWords { get; }

    DbSet<CaringNotice> CaringNotices { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
