using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Notifications;

namespace Salon.Infrastructure.Persistence.Configurations.Notifications;

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
