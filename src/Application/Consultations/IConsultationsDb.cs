using Microsoft.EntityFrameworkCore;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations;

/// <summary>The Consultations module's persistence port.</summary>
public interface IConsultationsDb
{
    DbSet<Board> Boards { get; }

    DbSet<Tag> Tags { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
