using System.Net;
using Salon.Application.Consultations.CreateTopic;
using Salon.Application.Consultations.PostReply;
using Salon.Domain.Common;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Consultations;

public sealed class PostingRulesTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_suspended_member_cannot_post_and_is_signed_out()
    {
        var member = await factory.SignUpAsync(_client);
        var other = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(other);
        await factory.WithDbAsync(async db =>
        {
            var m = await db.Members.FindAsync(member.Id);
            m!.Suspend(DateTime.UtcNow.AddDays(7), "荒らし行為", DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        await (await _client.SendAsAsync(member, HttpMethod.Post, "/api/topics", new { boardSlug = "chat", title = "t", body = "b", anonymous = false })).ShouldBe(HttpStatusCode.Unauthorized);
        var topic = await Assert.ThrowsAsync<SalonException>(() => factory.SendAsync(new CreateTopicCommand(member.Id, "chat", "t", "b", null, false, null, null)));
        Assert.Equal(ErrorKind.Forbidden, topic.Kind);
        var reply = await Assert.ThrowsAsync<SalonException>(() => factory.SendAsync(new PostReplyCommand(member.Id, topicId, "b", false, null)));
        Assert.Equal(ErrorKind.Forbidden, reply.Kind);
    }

    [Fact]
    public async Task Topic_lists_show_an_excerpt_not_the_whole_body()
    {
        var author = await factory.SignUpAsync(_client);
        var body = string.Concat(Enumerable.Repeat("長い相談の本文です。", 40));
        var topicId = await _client.CreateTopicAsync(author, body: body);
        var item = (await _client.ListAsync(author, "/api/me/topics")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == topicId);
        var excerpt = item.GetProperty("excerpt").GetString()!;
        Assert.True(excerpt.Length <= 121);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
    }
}
