using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Notifications;

namespace Salon.Infrastructure.Persistence.Configurations.Notifications;

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
