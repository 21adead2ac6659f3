using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Notifications;

namespace Salon.Infrastructure.Persistence.Configurations.Notifications;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.ToTable("OutboxEmails");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasMaxLength(64).IsRequired();
        builder.Property(e => e.ToAddress).HasMaxLength(320).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(200).IsRequired();
        builder.Property(e => e.UnsubscribeUrl).HasMaxLength(2000);
        builder.Property(e => e.LastError).HasMaxLength(200);
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
        builder.HasIndex(e => e.MemberId);
    }
}

internal sealed class UndeliverableAddressConfiguration : IEntityTypeConfiguration<UndeliverableAddress>
{
    public void Configure(EntityTypeBuilder<UndeliverableAddress> builder)
    {
        builder.ToTable("UndeliverableAddresses");
        builder.HasKey(u => u.NormalizedAddress);
        builder.Property(u => u.NormalizedAddress).HasMaxLength(320);
        builder.Property(u => u.Reason).HasMaxLength(200).IsRequired();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasMaxLength(64).IsRequired();
        builder.Property(n => n.MessageJa).HasMaxLength(4000).IsRequired();
        builder.Property(n => n.MessageEn).HasMaxLength(4000).IsRequired();
        builder.HasIndex(n => new { n.MemberId, n.CreatedAt, n.Id });
        builder.HasIndex(n => new { n.MemberId, n.ReadAt });
        builder.Property(n => n.GroupKey).HasMaxLength(100);
        builder.HasIndex(n => new { n.MemberId, n.GroupKey }).IsUnique().HasFilter("\"GroupKey\" IS NOT NULL");
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasKey(p => new { p.MemberId, p.Kind });
        builder.Property(p => p.Kind).HasMaxLength(64);
    }
}

internal sealed class DigestPreferenceConfiguration : IEntityTypeConfiguration<DigestPreference>
{
    public void Configure(EntityTypeBuilder<DigestPreference> builder)
    {
        builder.ToTable("DigestPreferences");
        builder.HasKey(p => p.MemberId);
    }
}

internal sealed class UnsubscribeTokenConfiguration : IEntityTypeConfiguration<UnsubscribeToken>
{
    public void Configure(EntityTypeBuilder<UnsubscribeToken> builder)
    {
        builder.ToTable("UnsubscribeTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.Kind).HasMaxLength(64).IsRequired();
        builder.Property(t => t.AddressHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(t => new { t.MemberId, t.CreatedAt });
    }
}

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

internal sealed class AnnouncementDeliveryConfiguration : IEntityTypeConfiguration<AnnouncementDelivery>
{
    public void Configure(EntityTypeBuilder<AnnouncementDelivery> builder)
    {
        builder.ToTable("AnnouncementDeliveries");
        builder.HasKey(d => d.AnnouncementId);
        builder.Property(d => d.AnnouncementId).ValueGeneratedNever();
        builder.Property(d => d.Title).HasMaxLength(200).IsRequired();
        builder.HasIndex(d => d.CompletedAt);
    }
}
