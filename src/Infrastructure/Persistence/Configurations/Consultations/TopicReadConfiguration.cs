using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Consultations;

namespace Salon.Infrastructure.Persistence.Configurations.Consultations;

internal sealed class TopicReadConfiguration : IEntityTypeConfiguration<TopicRead>
{
    public void Configure(EntityTypeBuilder<TopicRead> builder)
    {
        builder.ToTable("TopicReads");
        builder.HasKey(r => new { r.TopicId, r.MemberId });
        builder.HasIndex(r => r.MemberId);
        builder.HasOne<Topic>().WithMany().HasForeignKey(r => r.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}
