using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Salon.Infrastructure.Persistence;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Search;

/// <summary>The hand-written PostSearch migration: Down removes every object it made, Up indexes the posts
/// that already exist, and the triggers it recreates keep those posts in sync. SQLite only: PostgreSQL's search
/// index is part of its EF model (see PostgresSalonDbContext).</summary>
[Trait("Provider", "Sqlite")]
public sealed class PostSearchMigrationTests
{
    [Fact]
    public async Task Down_removes_the_index_and_Up_backfills_existing_posts()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var author = await factory.SignUpAsync(client);
        var viewer = await factory.SignUpAsync(client);
        var word = SearchSeed.UniqueWord();
        var t0 = DateTime.UtcNow.AddMinutes(-10);
        var topic = await seed.TopicAsync(author.Id, "前からある相談", $"{word}の本文", t0);
        var reply = await seed.ReplyAsync(topic, viewer.Id, $"{word}への返信", t0.AddMinutes(1));

        await factory.WithDbAsync(async db =>
        {
            await MigrateToBeforePostSearchAsync(db);
            Assert.Empty(await SearchObjectsAsync(db));
            return 0;
        });

        await factory.WithDbAsync(async db =>
        {
            await db.Database.MigrateAsync();
            var objects = await SearchObjectsAsync(db);
            Assert.Equal(
                ["PostSearch_ReplyDeleted", "PostSearch_ReplyEdited", "PostSearch_ReplyInserted", "PostSearch_TopicDeleted", "PostSearch_TopicEdited", "PostSearch_TopicInserted"],
                objects.Where(o => o.Type == "trigger").Select(o => o.Name).Order(StringComparer.Ordinal));
            Assert.Contains(("table", "PostSearch"), objects);
            Assert.Contains(("table", "PostSearchKeys"), objects);
            Assert.Contains(("table", "PostSearchChars"), objects);
            Assert.Contains(("table", "PostSearchCharNumbers"), objects);
            var characters = await db.Database.SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE name = 'PostSearchChars'").SingleAsync();
            Assert.Contains("detail=none", characters, StringComparison.Ordinal);
            return 0;
        });

        // The existing posts were backfilled, in both indexes…
        Assert.Equal([reply, topic], (await seed.SearchAsync(word, viewer.Id)).Select(m => m.PostId));
        Assert.Equal([reply, topic], (await seed.SearchAsync(word[1..3], viewer.Id)).Select(m => m.PostId));

        // …and the backfilled entries are kept in sync like any other.
        var edited = SearchSeed.UniqueWord();
        await seed.UpdateTopicAsync(topic, t => t.Edit(null, $"{edited}に書き直した", null, false, null, t0.AddMinutes(2)));
        var later = await seed.ReplyAsync(topic, author.Id, $"{edited}の後で", t0.AddMinutes(3));
        Assert.Equal([reply], (await seed.SearchAsync(word, viewer.Id)).Select(m => m.PostId));
        Assert.Equal([later, topic], (await seed.SearchAsync(edited, viewer.Id)).Select(m => m.PostId));
        Assert.Equal([later, topic], (await seed.SearchAsync(edited[1..3], viewer.Id)).Select(m => m.PostId));
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("INSERT INTO PostSearch (PostSearch, rank) VALUES ('integrity-check', 0)"));
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("INSERT INTO PostSearchChars (PostSearchChars, rank) VALUES ('integrity-check', 0)"));
    }

    private static async Task MigrateToBeforePostSearchAsync(SalonDbContext db)
    {
        var migrations = db.Database.GetMigrations().ToList();
        var postSearch = migrations.FindIndex(m => m.EndsWith("_PostSearch", StringComparison.Ordinal));
        Assert.True(postSearch > 0);
        await db.GetService<IMigrator>().MigrateAsync(migrations[postSearch - 1]);
    }

    /// <summary>Every schema object named PostSearch…: the tables, FTS5's shadow tables, indexes, triggers.</summary>
    private static async Task<List<(string Type, string Name)>> SearchObjectsAsync(SalonDbContext db) =>
        (await db.Database.SqlQueryRaw<SchemaObject>("SELECT type AS Type, name AS Name FROM sqlite_master WHERE name LIKE 'PostSearch%'").ToListAsync())
            .Select(o => (o.Type, o.Name))
            .ToList();

    private sealed record SchemaObject(string Type, string Name);
}
