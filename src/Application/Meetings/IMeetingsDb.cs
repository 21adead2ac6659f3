using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Persistence;
using Salon.Domain.Meetings;

namespace Salon.Application.Meetings;

/// <summary>The Meetings module's persistence port.</summary>
public interface IMeetingsDb : IDatabaseTransactions, IDatabaseErrors
{
    DbSet<Meeting> Meetings { get; }

    DbSet<MeetingApplication> MeetingApplications { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
