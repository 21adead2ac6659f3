using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Members;

namespace Salon.Infrastructure.Persistence.Configurations.Members;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("Members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Nickname).HasMaxLength(Nickname.MaxStoredLength).IsRequired();
        builder.Property(m => m.NormalizedNickname).HasMaxLength(Nickname.MaxStoredLength);
        builder.HasIndex(m => m.NormalizedNickname).IsUnique();
        builder.Property(m => m.Bio).HasMaxLength(2000).IsRequired();
        builder.Property(m => m.SuspensionReason).HasMaxLength(1000);
        builder.Property(m => m.TermsVersion).HasMaxLength(32).IsRequired();
        builder.Property(m => m.SensitiveInfoConsentVersion).HasMaxLength(32).IsRequired();
        builder.HasIndex(m => m.CreatedAt);
        builder.Ignore(m => m.DomainEvents);
        builder.Ignore(m => m.IsOfficial);
    }
}
