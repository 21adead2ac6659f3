using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Consultations;

namespace Salon.Infrastructure.Persistence.Configurations.Consultations;

internal sealed class BoardConfiguration : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> builder)
    {
        builder.ToTable("Boards");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Slug).HasMaxLength(64).IsRequired();
        builder.HasIndex(b => b.Slug).IsUnique();
        builder.Property(b => b.Name).HasMaxLength(100).IsRequired();
        builder.Property(b => b.NameEn).HasMaxLength(100).IsRequired();
        builder.Property(b => b.Description).HasMaxLength(1000).IsRequired();
        builder.Property(b => b.DescriptionEn).HasMaxLength(1000).IsRequired();
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.ToTable("Tags");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Slug).HasMaxLength(64).IsRequired();
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(50).IsRequired();
        builder.Property(t => t.NameEn).HasMaxLength(50).IsRequired();
    }
}
