using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Consultations;
using Salon.Domain.Consultations;
using Salon.Domain.Members;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Search;

/// <summary>Writes posts straight through the DbContext (so the triggers see ordinary EF inserts and
/// updates) and searches through the registered <see cref="IPostSearch"/>.</summary>
internal sealed class SearchSeed(SalonApiFactory factory)
{
    private static int _counter;

    /// <summary>A katakana word no other test writes: 3+ characters, so it goes through the trigram index.</summary>
    public static string UniqueWord()
    {
        // No ク: a test searches for 「クス」 and expects only its own text, which a word holding クス would also match
        // (it did once in CI, on PostgreSQL: 7 pairs in 8 characters of 44 make it about one run in 280).
        const string Kana = "アイウエオカキケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";
        var n = (Interlocked.Increment(ref _counter) * 7919L) + Random.Shared.NextInt64(1L << 40);
        var chars = new char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Kana[(int)(n % Kana.Length)];
            n /= Kana.Length;
        }

        return "検" + new string(chars);
    }

    public async Task<Guid> TopicAsync(Guid authorId, string title, string body, DateTime createdAt, bool anonymous = false) =>
        await factory.WithDbAsync(async db =>
        {
            var boardId = await db.Boards.OrderBy(b => b.Slug).Select(b => b.Id).FirstAsync();
            var topic = Topic.Create(boardId, authorId, title, body, [], anonymous, repliesWelcome: true, contentWarning: null, createdAt);
            db.Topics.Add(topic);
            await db.SaveChangesAsync();
            return topic.Id;
        });

    /// <summary>Many topics in one save: (body, created at) each, all by <paramref name="authorId"/>.</summary>
    public async Task<List<Guid>> TopicsAsync(Guid authorId, IEnumerable<(string Body, DateTime CreatedAt)> topics) =>
        await factory.WithDbAsync(async db =>
        {
            var boardId = await db.Boards.OrderBy(b => b.Slug).Select(b => b.Id).FirstAsync();
            var created = topics.Select(t => Topic.Create(boardId, authorId, "題", t.Body, [], false, repliesWelcome: true, contentWarning: null, t.CreatedAt)).ToList();
            db.Topics.AddRange(created);
            await db.SaveChangesAsync();
            return created.ConvertAll(t => t.Id);
        });

    public async Task<Guid> ReplyAsync(Guid topicId, Guid authorId, string body, DateTime createdAt, bool anonymous = false) =>
        await factory.WithDbAsync(async db =>
        {
            var topic = await db.Topics.SingleAsync(t => t.Id == topicId);
            var reply = Reply.Post(topic, authorId, body, anonymous, contentWarning: null, createdAt);
            db.Replies.Add(reply);
            await db.SaveChangesAsync();
            return reply.Id;
        });

    /// <summary>Many replies to one topic in one save: (body, created at) each, all by <paramref name="authorId"/>.</summary>
    public async Task<List<Guid>> RepliesAsync(Guid topicId, Guid authorId, IEnumerable<(string Body, DateTime CreatedAt)> replies) =>
        await factory.WithDbAsync(async db =>
        {
            var topic = await db.Topics.SingleAsync(t => t.Id == topicId);
            var created = replies.Select(r => Reply.Post(topic, authorId, r.Body, anonymous: false, contentWarning: null, r.CreatedAt)).ToList();
            db.Replies.AddRange(created);
            await db.SaveChangesAsync();
            return created.ConvertAll(r => r.Id);
        });

    public Task UpdateTopicAsync(Guid topicId, Action<Topic> change) =>
        factory.WithDbAsync(async db =>
        {
            change(await db.Topics.SingleAsync(t => t.Id == topicId));
            return await db.SaveChangesAsync();
        });

    public Task UpdateReplyAsync(Guid replyId, Action<Reply> change) =>
        factory.WithDbAsync(async db =>
        {
            change(await db.Replies.SingleAsync(r => r.Id == replyId));
            return await db.SaveChangesAsync();
        });

    public Task BlockAsync(Guid blockerId, Guid blockedId) =>
        factory.WithDbAsync(async db =>
        {
            db.MemberBlocks.Add(MemberBlock.Create(blockerId, blockedId, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

    /// <summary>The member hides the post (a topic or a reply of <paramref name="topicId"/>) from their own view.</summary>
    public Task HideAsync(Guid memberId, Guid postId, Guid topicId) =>
        factory.WithDbAsync(async db =>
        {
            var kind = postId == topicId ? Domain.Common.PostKind.Topic : Domain.Common.PostKind.Reply;
            db.HiddenPosts.Add(HiddenPost.Create(memberId, postId, kind, topicId, Guid.Empty, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

    public async Task<IReadOnlyList<PostMatch>> SearchAsync(
        string query,
        Guid viewerId,
        SearchOrder order = SearchOrder.Newest,
        PostMatch? after = null,
        int limit = 1000) =>
        (await SearchPageAsync(query, viewerId, after, limit, order)).Matches;

    /// <summary>The provider's answer itself, with where it stopped when it stopped short (docs/adr/0037).</summary>
    public async Task<PostSearchPage> SearchPageAsync(string query, Guid viewerId, PostMatch? after = null, int limit = 20, SearchOrder order = SearchOrder.Newest)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<IPostSearch>();
        return await search.SearchAsync(query, viewerId, order, after, limit, CancellationToken.None);
    }

    /// <summary>Every page of at most <paramref name="limit"/>, following the keyset, and where a page stopped short
    /// (docs/adr/0037), from where it stopped.</summary>
    public async Task<List<PostMatch>> AllPagesAsync(string query, Guid viewerId, SearchOrder order, int limit)
    {
        var all = new List<PostMatch>();
        PostMatch? after = null;
        for (var page = 0; page < 100; page++)
        {
            var found = await SearchPageAsync(query, viewerId, after, limit, order);
            Assert.True(found.Matches.Count <= limit);
            all.AddRange(found.Matches);
            if (found.ResumeAfter is { } resume)
            {
                after = resume;
                continue;
            }

            if (found.Matches.Count < limit)
            {
                return all;
            }

            after = found.Matches[^1];
        }

        throw new InvalidOperationException("Paging did not end.");
    }
}
