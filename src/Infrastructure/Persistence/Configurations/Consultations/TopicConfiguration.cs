using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Consultations;

namespace Salon.Infrastructure.Persistence.Configurations.Consultations;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.ToTable("Topics");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Title).HasMaxLength(PostRules.TitleMaxLength * 2).IsRequired();
        builder.Property(t => t.Body).HasMaxLength(PostRules.BodyMaxLength * 2).IsRequired();
        builder.Property(t => t.ContentWarning).HasMaxLength(PostRules.ContentWarningMaxLength * 2);
        builder.HasOne<Board>().WithMany().HasForeignKey(t => t.BoardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Tags).WithOne().HasForeignKey(t => t.TopicId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Tags).UsePropertyAccessMode(PropertyAccessMode.Field);

        // A board's list, newest activity first (keyset: LastActivityAt, Id).
        builder.HasIndex(t => new { t.BoardId, t.LastActivityAt, t.Id });
        builder.HasIndex(t => new { t.AuthorId, t.CreatedAt });
        builder.HasIndex(t => new { t.LastActivityAt, t.Id });

        // Newest-first search for 1–2 characters on PostgreSQL walks posts by creation time (docs/adr/0031).
        builder.HasIndex(t => new { t.CreatedAt, t.Id });
        builder.Ignore(t => t.DomainEvents);
        builder.Ignore(t => t.IsDeleted);
    }
}
