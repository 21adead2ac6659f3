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

        // Newest-first search for 1–2 characters walks posts by creation time.
        builder.HasIndex(t => new { t.CreatedAt, t.Id });
        builder.Ignore(t => t.DomainEvents);
        builder.Ignore(t => t.IsDeleted);
    }
}

internal sealed class TopicTagConfiguration : IEntityTypeConfiguration<TopicTag>
{
    public void Configure(EntityTypeBuilder<TopicTag> builder)
    {
        builder.ToTable("TopicTags");
        builder.HasKey(t => new { t.TopicId, t.TagId });
        builder.HasIndex(t => t.TagId);
        builder.HasOne<Tag>().WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}

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
