using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Moderation;

namespace Salon.Infrastructure.Persistence.Configurations.Moderation;

internal sealed class WatchedWordConfiguration : IEntityTypeConfiguration<WatchedWord>
{
    public void Configure(EntityTypeBuilder<WatchedWord> builder)
    {
        builder.ToTable("WatchedWords");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Word).HasMaxLength(WatchedWord.MaxFoldedLength).IsRequired();
        builder.Property(w => w.FoldedWord).HasMaxLength(WatchedWord.MaxFoldedLength).IsRequired();
        builder.HasIndex(w => w.FoldedWord).IsUnique();
    }
}
