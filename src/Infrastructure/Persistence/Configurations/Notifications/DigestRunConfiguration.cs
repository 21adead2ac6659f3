using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Notifications;

namespace Salon.Infrastructure.Persistence.Configurations.Notifications;

internal sealed class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> builder)
    {
        builder.ToTable("DigestRuns");

        // At most one digest per member per period: the key itself.
        builder.HasKey(r => new { r.MemberId, r.PeriodStart });
        builder.HasIndex(r => r.AttemptedAt);
    }
}
