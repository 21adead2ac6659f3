using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Announcements;

namespace Salon.Infrastructure.Persistence.Configurations.Announcements;

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> builder)
    {
        builder.ToTable("Announcements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(Announcement.TitleMaxLength).IsRequired();
        builder.Property(a => a.Body).HasMaxLength(Announcement.BodyMaxLength).IsRequired();

        // Pinned first, then newest; the publication job's due list.
        builder.HasIndex(a => new { a.Pinned, a.PublishAt, a.Id });
        builder.HasIndex(a => new { a.PublishedAt, a.PublishAt });
        builder.Ignore(a => a.DomainEvents);
        builder.Ignore(a => a.IsDeleted);
    }
}
