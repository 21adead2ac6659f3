using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Moderation;

namespace Salon.Infrastructure.Persistence.Configurations.Moderation;

internal sealed class ModerationItemConfiguration : IEntityTypeConfiguration<ModerationItem>
{
    public void Configure(EntityTypeBuilder<ModerationItem> builder)
    {
        builder.ToTable("ModerationItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Detail).HasMaxLength(ModerationItem.MaxDetailLength);
        builder.Property(i => i.ResolutionNote).HasMaxLength(2000);

        // The queue: open items, priority first, oldest first.
        builder.HasIndex(i => new { i.Status, i.IsPriority, i.CreatedAt, i.Id });
        builder.HasIndex(i => new { i.PostId, i.Kind, i.Status });

        // At most one open item of a kind per post, even when two sweeps or two first reports race.
        builder.HasIndex(i => new { i.PostId, i.Kind }).IsUnique().HasFilter("\"Status\" = 0").HasDatabaseName("IX_ModerationItems_OneOpenPerPostAndKind");
        builder.Ignore(i => i.DomainEvents);
    }
}
