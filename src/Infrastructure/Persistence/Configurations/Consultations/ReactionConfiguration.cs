using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Consultations;

namespace Salon.Infrastructure.Persistence.Configurations.Consultations;

internal sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> builder)
    {
        builder.ToTable("Reactions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.PostId, r.MemberId, r.Kind }).IsUnique();
        builder.HasIndex(r => new { r.PostId, r.Kind });
        builder.HasIndex(r => new { r.TopicId, r.MemberId });
        builder.HasIndex(r => r.MemberId);
        builder.HasOne<Topic>().WithMany().HasForeignKey(r => r.TopicId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.DomainEvents);
    }
}
