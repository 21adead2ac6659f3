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
        builder.Property(i => i.Detail).HasMaxLength(1000);
        builder.Property(i => i.ResolutionNote).HasMaxLength(2000);

        // The queue: open items, priority first, oldest first.
        builder.HasIndex(i => new { i.Status, i.IsPriority, i.CreatedAt, i.Id });
        builder.HasIndex(i => new { i.PostId, i.Kind, i.Status });

        // At most one open item of a kind per post, even when two sweeps or two first reports race.
        builder.HasIndex(i => new { i.PostId, i.Kind }).IsUnique().HasFilter("\"Status\" = 0").HasDatabaseName("IX_ModerationItems_OneOpenPerPostAndKind");
        builder.Ignore(i => i.DomainEvents);
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("Reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.HasIndex(r => new { r.PostId, r.ReporterId }).IsUnique();
        builder.HasIndex(r => r.ReporterId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Action).HasMaxLength(64).IsRequired();
        builder.Property(e => e.TargetType).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasIndex(e => new { e.At, e.Id });
    }
}

internal sealed class WatchedWordConfiguration : IEntityTypeConfiguration<WatchedWord>
{
    public void Configure(EntityTypeBuilder<WatchedWord> builder)
    {
        builder.ToTable("WatchedWords");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Word).HasMaxLength(200).IsRequired();
        builder.Property(w => w.FoldedWord).HasMaxLength(200).IsRequired();
        builder.HasIndex(w => w.FoldedWord).IsUnique();
    }
}

internal sealed class CaringNoticeConfiguration : IEntityTypeConfiguration<CaringNotice>
{
    public void Configure(EntityTypeBuilder<CaringNotice> builder)
    {
        builder.ToTable("CaringNotices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasIndex(n => new { n.MemberId, n.SentAt });
    }
}
