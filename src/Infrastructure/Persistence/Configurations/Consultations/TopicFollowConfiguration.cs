using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Consultations;

namespace Salon.Infrastructure.Persistence.Configurations.Consultations;

internal sealed class TopicFollowConfiguration : IEntityTypeConfiguration<TopicFollow>
{
    public void Configure(EntityTypeBuilder<TopicFollow> builder)
    {
        builder.ToTable("TopicFollows");
        builder.HasKey(f => new { f.TopicId, f.MemberId });
        builder.HasIndex(f => new { f.MemberId, f.CreatedAt });
        builder.HasOne<Topic>().WithMany().HasForeignKey(f => f.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}
