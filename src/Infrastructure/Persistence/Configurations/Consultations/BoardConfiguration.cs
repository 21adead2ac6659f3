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
