using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Consultations;

namespace Salon.Infrastructure.Persistence.Configurations.Consultations;

internal sealed class HiddenPostConfiguration : IEntityTypeConfiguration<HiddenPost>
{
    public void Configure(EntityTypeBuilder<HiddenPost> builder)
    {
        builder.ToTable("HiddenPosts");

        // The key serves the per-post check every list makes (MemberId, PostId); the second index the member's list.
        builder.HasKey(h => new { h.MemberId, h.PostId });
        builder.HasIndex(h => new { h.MemberId, h.HiddenAt, h.PostId });
        builder.HasIndex(h => h.TopicId);
        builder.HasIndex(h => h.PostId);
        builder.HasOne<Topic>().WithMany().HasForeignKey(h => h.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}
