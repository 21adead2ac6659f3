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
        builder.Property(m => m.Nickname).HasMaxLength(100).IsRequired();
        builder.Property(m => m.NormalizedNickname).HasMaxLength(100);
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
        builder.Property(s => s.Nickname).HasMaxLength(100).IsRequired();
        builder.Property(s => s.HeldNickname).HasMaxLength(100);
        builder.Property(s => s.TermsVersion).HasMaxLength(32).IsRequired();
        builder.Property(s => s.SensitiveInfoConsentVersion).HasMaxLength(32).IsRequired();
        builder.Property(s => s.TokenHash).HasMaxLength(64);

        // One pending sign-up per nickname; expired holds are released before a new one is taken.
        builder.HasIndex(s => s.HeldNickname).IsUnique();
        builder.HasIndex(s => new { s.NormalizedEmail, s.CreatedAt });
        builder.HasIndex(s => s.ExpiresAt);
    }
}

internal sealed class MemberBlockConfiguration : IEntityTypeConfiguration<MemberBlock>
{
    public void Configure(EntityTypeBuilder<MemberBlock> builder)
    {
        builder.ToTable("MemberBlocks");
        builder.HasKey(b => new { b.BlockerId, b.BlockedId });
        builder.HasIndex(b => new { b.BlockerId, b.CreatedAt });
        builder.HasIndex(b => b.BlockedId);
        builder.HasOne<Member>().WithMany().HasForeignKey(b => b.BlockerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(b => b.BlockedId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberSessionConfiguration : IEntityTypeConfiguration<MemberSession>
{
    public void Configure(EntityTypeBuilder<MemberSession> builder)
    {
        builder.ToTable("MemberSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.RevokedReason).HasMaxLength(64);
        builder.HasIndex(s => s.MemberId);
        builder.HasIndex(s => s.ExpiresAt);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("RefreshTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.SessionId);
        builder.HasIndex(t => t.ExpiresAt);
        builder.HasOne<MemberSession>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
