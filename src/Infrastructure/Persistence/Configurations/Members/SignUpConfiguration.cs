using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Members;

namespace Salon.Infrastructure.Persistence.Configurations.Members;

internal sealed class SignUpConfiguration : IEntityTypeConfiguration<SignUp>
{
    public void Configure(EntityTypeBuilder<SignUp> builder)
    {
        builder.ToTable("SignUps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Email).HasMaxLength(256).IsRequired();
        builder.Property(s => s.NormalizedEmail).HasMaxLength(256).IsRequired();
        builder.Property(s => s.PasswordHash).HasMaxLength(512).IsRequired();
        builder.Property(s => s.Nickname).HasMaxLength(Nickname.MaxStoredLength).IsRequired();
        builder.Property(s => s.HeldNickname).HasMaxLength(Nickname.MaxStoredLength);
        builder.Property(s => s.TermsVersion).HasMaxLength(32).IsRequired();
        builder.Property(s => s.SensitiveInfoConsentVersion).HasMaxLength(32).IsRequired();
        builder.Property(s => s.TokenHash).HasMaxLength(64);

        // One pending sign-up per nickname; expired holds are released before a new one is taken.
        builder.HasIndex(s => s.HeldNickname).IsUnique();
        builder.HasIndex(s => new { s.NormalizedEmail, s.CreatedAt });
        builder.HasIndex(s => s.ExpiresAt);
    }
}
