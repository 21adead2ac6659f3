using System.Net;
using Microsoft.EntityFrameworkCore;
using Salon.Domain.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Consultations;

/// <summary>The app with a failure that can be injected between two statements, standing in for a crash (kill -9)
/// between a post and its counters. Crisis text is held for review, so an edit can change a topic's counts.</summary>
public sealed class CrashFactory : SalonApiFactory
{
    public CrashFactory()
    {
        ConfigureTestServices = services => ConfigureDbContext(services, options => options.AddInterceptors(Failure));
        Settings["Safety:CrisisPolicy"] = "HoldForReview";
    }

    public InjectedFailure Failure { get; } = new();
}

/// <summary>A post and the counts it changes are one atomic change (docs/adr/0018): a failure between the write and
/// the recount leaves both or neither, never a reply without its count (issue 12, item 5).</summary>
public sealed class CrashConsistencyTests(CrashFactory factory) : IClassFixture<CrashFactory>
{
    private const string UpdateTopics = "UPDATE \"Topics\"";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_reply_that_fails_before_its_counts_are_written_is_not_kept_either()
    {
        var (author, replier, topicId) = await TopicWithReplierAsync();

        factory.Failure.FailAfter("INSERT INTO \"Replies\"", UpdateTopics);
        var post = await _client.SendAsAsync(replier, HttpMethod.Post, $"/api/topics/{topicId}/replies", new { body = "落ちる前の返信", anonymous = false });

        await AssertInjectedFailureAsync(post);
        await AssertTopicCountsConsistentAsync(topicId);
        var view = await _client.GetTopicAsync(author, topicId);
        Assert.Equal(0, view.GetProperty("replyCount").GetInt32());
        Assert.Empty(view.GetProperty("replies").Ids());

        // The same request afterwards succeeds and counts.
        await _client.ReplyAsync(replier, topicId);
        Assert.Equal(1, (await _client.GetTopicAsync(author, topicId)).GetProperty("replyCount").GetInt32());
        await AssertTopicCountsConsistentAsync(topicId);
    }

    [Fact]
    public async Task A_reply_deletion_that_fails_before_the_recount_leaves_the_reply_counted()
    {
        var (_, replier, topicId) = await TopicWithReplierAsync();
        var replyId = await _client.ReplyAsync(replier, topicId);

        factory.Failure.FailAfter("UPDATE \"Replies\"", UpdateTopics);
        var delete = await _client.SendAsAsync(replier, HttpMethod.Delete, $"/api/replies/{replyId}");

        await AssertInjectedFailureAsync(delete);
        await AssertTopicCountsConsistentAsync(topicId);
        Assert.Contains(replyId, (await _client.GetTopicAsync(replier, topicId)).GetProperty("replies").Ids());
    }

    [Fact]
    public async Task An_edit_that_holds_a_reply_and_fails_before_the_recount_changes_nothing()
    {
        var (_, replier, topicId) = await TopicWithReplierAsync();
        var replyId = await _client.ReplyAsync(replier, topicId);

        factory.Failure.FailAfter("UPDATE \"Replies\"", UpdateTopics);
        var edit = await _client.SendAsAsync(replier, HttpMethod.Patch, $"/api/replies/{replyId}", new { body = "死にたい気持ちが消えない" });

        await AssertInjectedFailureAsync(edit);
        await AssertTopicCountsConsistentAsync(topicId);
    }

    [Fact]
    public async Task Removing_a_reaction_that_fails_before_the_recount_keeps_the_reaction_counted()
    {
        var (_, replier, topicId) = await TopicWithReplierAsync();
        await (await _client.SendAsAsync(replier, HttpMethod.Put, $"/api/posts/{topicId}/reactions/relate")).ShouldBe(HttpStatusCode.OK);

        factory.Failure.FailAfter("DELETE FROM \"Reactions\"", UpdateTopics);
        var remove = await _client.SendAsAsync(replier, HttpMethod.Delete, $"/api/posts/{topicId}/reactions/relate");

        await AssertInjectedFailureAsync(remove);
        await AssertReactionCountsConsistentAsync(topicId);
    }

    [Fact]
    public async Task Adding_a_reaction_that_fails_before_the_recount_adds_nothing()
    {
        var (_, replier, topicId) = await TopicWithReplierAsync();

        factory.Failure.FailAfter("INSERT INTO \"Reactions\"", UpdateTopics);
        var add = await _client.SendAsAsync(replier, HttpMethod.Put, $"/api/posts/{topicId}/reactions/thanks");

        await AssertInjectedFailureAsync(add);
        await AssertReactionCountsConsistentAsync(topicId);
    }

    [Fact]
    public async Task A_moderators_report_that_fails_before_the_recount_hides_nothing()
    {
        var (_, replier, topicId) = await TopicWithReplierAsync();
        var replyId = await _client.ReplyAsync(replier, topicId);
        var moderator = await factory.SignUpModeratorAsync(_client);

        factory.Failure.FailAfter("UPDATE \"Replies\"", UpdateTopics);
        var report = await _client.SendAsAsync(moderator, HttpMethod.Post, "/api/reports", new { postId = replyId, reason = "spam" });

        await AssertInjectedFailureAsync(report);
        await AssertTopicCountsConsistentAsync(topicId);
    }

    [Fact]
    public async Task A_restore_that_fails_before_the_recount_leaves_the_reply_hidden_and_uncounted()
    {
        var (_, replier, topicId) = await TopicWithReplierAsync();
        var replyId = await _client.ReplyAsync(replier, topicId);
        var moderator = await factory.SignUpModeratorAsync(_client);
        await (await _client.SendAsAsync(moderator, HttpMethod.Post, "/api/reports", new { postId = replyId, reason = "spam" })).ShouldBe(HttpStatusCode.Created);
        var itemId = await factory.WithDbAsync(db => db.ModerationItems.Where(i => i.PostId == replyId).Select(i => i.Id).SingleAsync());
        await AssertTopicCountsConsistentAsync(topicId);

        factory.Failure.FailAfter("UPDATE \"Replies\"", UpdateTopics);
        var restore = await _client.SendAsAsync(moderator, HttpMethod.Post, $"/api/moderation/items/{itemId}/resolve", new { action = "restore", note = "問題なし" });

        await AssertInjectedFailureAsync(restore);
        await AssertTopicCountsConsistentAsync(topicId);
    }

    private async Task<(TestMember Author, TestMember Replier, Guid TopicId)> TopicWithReplierAsync()
    {
        var author = await factory.SignUpAsync(_client);
        var replier = await factory.SignUpAsync(_client);
        return (author, replier, await _client.CreateTopicAsync(author));
    }

    private async Task AssertInjectedFailureAsync(HttpResponseMessage response)
    {
        Assert.True(factory.Failure.Fired, "the failure was never injected: the statements changed, so this test tests nothing");
        await response.ShouldBe(HttpStatusCode.InternalServerError);
    }

    /// <summary>The topic's stored counts equal what its rows say (ADR 0009's definitions).</summary>
    private async Task AssertTopicCountsConsistentAsync(Guid topicId) => await factory.WithDbAsync(async db =>
    {
        var topic = await db.Topics.AsNoTracking().SingleAsync(t => t.Id == topicId);
        var counted = db.Replies.Where(r => r.TopicId == topicId && r.DeletedAt == null && r.Visibility == PostVisibility.Visible);
        var expected = (
            Replies: await counted.CountAsync(),
            Others: await counted.CountAsync(r => topic.IsAnonymous || r.IsAnonymous || r.AuthorId != topic.AuthorId),
            LastActivity: await counted.MaxAsync(r => (DateTime?)r.CreatedAt) ?? topic.CreatedAt);
        Assert.Equal(expected, (topic.ReplyCount, topic.OthersReplyCount, topic.LastActivityAt));
        return 0;
    });

    private async Task AssertReactionCountsConsistentAsync(Guid topicId) => await factory.WithDbAsync(async db =>
    {
        var topic = await db.Topics.AsNoTracking().SingleAsync(t => t.Id == topicId);
        var reactions = db.Reactions.Where(r => r.PostId == topicId);
        var expected = (
            Relate: await reactions.CountAsync(r => r.Kind == ReactionKind.Relate),
            Thanks: await reactions.CountAsync(r => r.Kind == ReactionKind.Thanks),
            Support: await reactions.CountAsync(r => r.Kind == ReactionKind.Support));
        Assert.Equal(expected, (topic.RelateCount, topic.ThanksCount, topic.SupportCount));
        return 0;
    });
}
