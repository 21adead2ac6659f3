using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Persistence;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations;

/// <summary>The Consultations module's persistence port.</summary>
public interface IConsultationsDb : IDatabaseTransactions, IDatabaseErrors
{
    DbSet<Board> Boards { get; }

    DbSet<Tag> Tags { get; }

    DbSet<Topic> Topics { get; }

    DbSet<TopicTag> TopicTags { get; }

    DbSet<Reply> Replies { get; }

    DbSet<Reaction> Reactions { get; }

    DbSet<TopicFollow> TopicFollows { get; }

    DbSet<TopicBookmark> TopicBookmarks { get; }

    DbSet<TopicRead> TopicReads { get; }

    DbSet<HiddenPost> HiddenPosts { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
