using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Notifications;

namespace Salon.Infrastructure.Persistence.Configurations.Notifications;

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
