using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Moderation;

namespace Salon.Infrastructure.Persistence.Configurations.Moderation;

internal sealed class CaringNoticeConfiguration : IEntityTypeConfiguration<CaringNotice>
{
    public void Configure(EntityTypeBuilder<CaringNotice> builder)
    {
        builder.ToTable("CaringNotices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasIndex(n => new { n.MemberId, n.SentAt });
    }
}
