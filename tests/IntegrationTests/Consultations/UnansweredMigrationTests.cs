using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Consultations;

/// <summary>The AnonymousRepliesCountAsAnswers migration recounts the topics that an anonymous reply by their own author
/// kept in 「まだ返信のない相談」 (docs/adr/0041), on either provider; its Down puts back the old count.</summary>
public sealed class UnansweredMigrationTests
{
    [Fact]
    public async Task Topics_kept_unanswered_by_an_anonymous_self_reply_are_recounted()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var author = await factory.SignUpAsync(client);
        var reader = await factory.SignUpAsync(client);
        var selfAnonymous = await client.CreateTopicAsync(author, board: "chat");
        await client.ReplyAsync(author, selfAnonymous, "補足です。", anonymous: true);
        var selfNamed = await client.CreateTopicAsync(author, board: "chat");
        await client.ReplyAsync(author, selfNamed, "追記です");
        async Task<List<Guid>> UnansweredAsync() => (await client.ListAsync(reader, "/api/boards/chat/topics?unanswered=true&limit=100")).Ids();

        await factory.WithDbAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            var recount = migrations.FindIndex(m => m.EndsWith("_AnonymousRepliesCountAsAnswers", StringComparison.Ordinal));
            Assert.True(recount > 0);
            await db.GetService<IMigrator>().MigrateAsync(migrations[recount - 1]);
            return 0;
        });
        Assert.Contains(selfAnonymous, await UnansweredAsync());

        await factory.WithDbAsync(async db =>
        {
            await db.Database.MigrateAsync();
            return 0;
        });
        var unanswered = await UnansweredAsync();
        Assert.DoesNotContain(selfAnonymous, unanswered);
        Assert.Contains(selfNamed, unanswered);
    }
}
