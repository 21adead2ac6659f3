using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Consultations;

namespace Salon.Infrastructure.Persistence.Configurations.Consultations;

internal sealed class ReplyConfiguration : IEntityTypeConfiguration<Reply>
{
    public void Configure(EntityTypeBuilder<Reply> builder)
    {
        builder.ToTable("Replies");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Body).HasMaxLength(PostRules.BodyMaxLength * 2).IsRequired();
        builder.Property(r => r.ContentWarning).HasMaxLength(PostRules.ContentWarningMaxLength * 2);
        builder.HasOne<Topic>().WithMany().HasForeignKey(r => r.TopicId).OnDelete(DeleteBehavior.Cascade);

        // A topic's replies, oldest first (keyset: CreatedAt, Id).
        builder.HasIndex(r => new { r.TopicId, r.CreatedAt, r.Id });
        builder.HasIndex(r => new { r.AuthorId, r.CreatedAt });
        builder.HasIndex(r => new { r.CreatedAt, r.Id });
        builder.Ignore(r => r.DomainEvents);
        builder.Ignore(r => r.IsDeleted);
    }
}
