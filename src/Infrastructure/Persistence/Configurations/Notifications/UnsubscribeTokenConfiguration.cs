using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Notifications;

namespace Salon.Infrastructure.Persistence.Configurations.Notifications;

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
