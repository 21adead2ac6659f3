using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Consultations;

namespace Salon.Infrastructure.Persistence.Configurations.Consultations;

internal sealed class TopicBookmarkConfiguration : IEntityTypeConfiguration<TopicBookmark>
{
    public void Configure(EntityTypeBuilder<TopicBookmark> builder)
    {
        builder.ToTable("TopicBookmarks");
        builder.HasKey(b => new { b.TopicId, b.MemberId });
        builder.HasIndex(b => new { b.MemberId, b.CreatedAt });
        builder.HasOne<Topic>().WithMany().HasForeignKey(b => b.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}
