using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Salon.Application.Notifications.DeliverAnnouncementNotices;
using Salon.Infrastructure.Persistence;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;
using Salon.IntegrationTests.Meetings;
using Salon.IntegrationTests.Platform;
using RandomMemberIds = Salon.Infrastructure.Persistence.Migrations.Sqlite.RandomMemberIds;

namespace Salon.IntegrationTests.Members;

/// <summary>A member's id is public on their named posts and profile. It must not tell when they signed up: the
/// profile promises the month only (docs/adr/0058). New members get random ids; the RandomMemberIds migration gives
/// every member whose id carries a time (UUID version 7, as Salon made them before) a random one, in every column
/// that holds it, on either provider.</summary>
public sealed class RandomMemberIdsTests
{
    [Fact]
    public async Task A_new_members_id_is_random_on_their_posts_and_profile_and_so_is_the_id_answered_for_a_known_address()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var member = await factory.SignUpAsync(client);
        var reader = await factory.SignUpAsync(client);
        var official = await factory.CreateOfficialAsync(client);
        var topic = await client.CreateTopicAsync(member, board: "chat");

        var author = Guid.Parse((await client.GetTopicAsync(reader, topic)).GetProperty("author").Str("id")!);
        Assert.Equal(member.Id, author);
        var profile = await client.SendAsAsync(reader, HttpMethod.Get, $"/api/members/{author}");
        await profile.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(4, author.Version);
        Assert.Equal(4, official.Id.Version);

        // Registering a known address answers an id that belongs to no one (ADR 0006): of the same kind as a real one.
        var known = await client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(member.Email, ApiClient.UniqueNickname()));
        var fresh = await client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail(), ApiClient.UniqueNickname()));
        Assert.Equal(4, Guid.Parse((await known.JsonAsync()).Str("id")!).Version);
        Assert.Equal(4, Guid.Parse((await fresh.JsonAsync()).Str("id")!).Version);
    }

    [Fact]
    public async Task Members_with_time_ordered_ids_get_random_ones_everywhere_and_carry_on_as_before()
    {
        var directory = Path.Combine(Path.GetTempPath(), "salon-tests", Guid.NewGuid().ToString("N"));
        Community community;
        Dictionary<string, Guid> original;
        Dictionary<string, Guid> timeOrdered;
        List<string> before;
        Guid announcement;
        using (var factory = new SalonApiFactory { Directory = directory, KeepDirectory = true })
        {
            var client = factory.CreateClient();
            community = await Community.FillAsync(factory, client);
            var pending = ApiClient.UniqueNickname("まだ確認していない");
            await (await client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail(), pending))).ShouldBe(HttpStatusCode.Created);

            // The database as Salon left it before: every member, and the pending sign-up, with a UUIDv7 made at
            // their sign-up, in every column that holds it.
            original = await factory.WithDbAsync(async db =>
                (await db.Members.Select(m => new { m.Nickname, m.Id }).ToListAsync())
                .Concat(await db.SignUps.Where(s => s.Nickname == pending).Select(s => new { s.Nickname, s.Id }).ToListAsync())
                .ToDictionary(m => m.Nickname, m => m.Id));
            var created = await factory.WithDbAsync(db => db.Members.ToDictionaryAsync(m => m.Nickname, m => m.CreatedAt));
            timeOrdered = original.ToDictionary(m => m.Key, m => Guid.CreateVersion7(created.TryGetValue(m.Key, out var at) ? at : DateTime.UtcNow));
            await factory.WithDbAsync(async db =>
            {
                var migrations = db.Database.GetMigrations().ToList();
                var index = migrations.FindIndex(m => m.EndsWith("_RandomMemberIds", StringComparison.Ordinal));
                Assert.True(index > 0);
                await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);
                await ChangeIdsAsync(db, original.ToDictionary(m => m.Value, m => timeOrdered[m.Key]));
                return 0;
            });

            // An announcement's delivery cut short: the members after the mark, in id order, have no notice yet.
            announcement = await factory.WithDbAsync(async db =>
            {
                var delivery = await db.AnnouncementDeliveries.SingleAsync();
                var mark = await db.Members.Where(m => m.Id != delivery.AuthorId).OrderBy(m => m.Id).Select(m => m.Id).Skip(2).FirstAsync();
                Assert.True(await db.Notifications.Where(n => n.AnnouncementId == delivery.AnnouncementId && n.MemberId.CompareTo(mark) > 0).ExecuteDeleteAsync() > 0);
                await db.AnnouncementDeliveries.ExecuteUpdateAsync(s => s.SetProperty(d => d.AfterMemberId, mark).SetProperty(d => d.CompletedAt, (DateTime?)null));
                return delivery.AnnouncementId;
            });

            // Everyone signed in again with their time-ordered id (their refresh tokens belong to their sessions).
            await RefreshAllAsync(client, community, timeOrdered);
            before = await community.ViewAsync(client);
        }

        // The new version starts on that database and migrates it.
        SqliteConnection.ClearAllPools();
        using var upgraded = new SalonApiFactory { Directory = directory };
        using var api = upgraded.CreateClient();
        var now = await upgraded.WithDbAsync(async db =>
            (await db.Members.Select(m => new { m.Nickname, m.Id }).ToListAsync())
            .Concat(await db.SignUps.Where(s => !db.Members.Any(m => m.Id == s.Id)).Select(s => new { s.Nickname, s.Id }).ToListAsync())
            .ToDictionary(m => m.Nickname, m => m.Id));
        Assert.Equal(original.Keys.Order(), now.Keys.Order());
        Assert.All(now, m => Assert.Equal(4, m.Value.Version));
        Assert.All(now, m => Assert.NotEqual(original[m.Key], m.Value));

        // No trace of the old ids anywhere: not in a column, not in an e-mail.
        Assert.Empty(await upgraded.WithDbAsync(db => ColumnsHoldingAsync(db, [.. timeOrdered.Values, .. original.Values])));

        // A token signed for the old id is refused; the refresh token gives tokens for the new one, and the API answers
        // as it did, but for the ids.
        await (await api.SendAsAsync(community.Members[0], HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
        await RefreshAllAsync(api, community, now);
        var after = await community.ViewAsync(api);
        var expected = before.Select(line => timeOrdered.Aggregate(line, (text, m) => text
            .Replace(m.Value.ToString(), now[m.Key].ToString(), StringComparison.Ordinal))).ToList();
        Assert.Equal(expected, after);

        // The pending sign-up's e-mail, still in the outbox, confirms the new id.
        var unconfirmed = original.Keys.Single(k => k.StartsWith("まだ確認していない", StringComparison.Ordinal));
        var confirmation = await upgraded.WithDbAsync(db => db.OutboxEmails.SingleAsync(e => e.MemberId == now[unconfirmed]));
        Assert.Contains($"userId={now[unconfirmed]}", confirmation.TextBody, StringComparison.Ordinal);

        // The delivery cut short goes on: every member has the announcement's notice once.
        await upgraded.SendAsync(new DeliverAnnouncementNoticesCommand(BatchSize: 2));
        var notices = await upgraded.WithDbAsync(db => db.Notifications.Where(n => n.AnnouncementId == announcement).GroupBy(n => n.MemberId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(community.Members.Count, notices.Count);
        Assert.All(notices, count => Assert.Equal(1, count));

        // Run again on random ids, the migration changes nothing.
        await upgraded.WithDbAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_RandomMemberIds", StringComparison.Ordinal)) - 1]);
            await db.Database.MigrateAsync();
            Assert.Equal(now.Values.Order(), (await db.Members.Select(m => m.Id).ToListAsync()).Concat(await db.SignUps.Where(s => !db.Members.Any(m => m.Id == s.Id)).Select(s => s.Id).ToListAsync()).Order());
            return 0;
        });
    }

    /// <summary>Each member's tokens refreshed, and their id as <paramref name="ids"/> says.</summary>
    private static async Task RefreshAllAsync(HttpClient client, Community community, Dictionary<string, Guid> ids)
    {
        async Task<TestMember> Refresh(TestMember member)
        {
            var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = member.Tokens.RefreshToken });
            await response.ShouldBe(HttpStatusCode.OK);
            return member with { Id = ids[member.Nickname], Tokens = (await response.Content.ReadFromJsonAsync<Tokens>())! };
        }

        for (var i = 0; i < community.Members.Count; i++)
        {
            community.Members[i] = await Refresh(community.Members[i]);
        }

        community.Official = await Refresh(community.Official);
    }

    /// <summary>Changes ids in every column the migration knows of, with the foreign keys checked at the end.</summary>
    private static async Task ChangeIdsAsync(SalonDbContext db, Dictionary<Guid, Guid> map)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync(SalonApiFactory.UsesPostgres ? "SET LOCAL session_replication_role = replica" : "PRAGMA defer_foreign_keys = ON");
        foreach (var (table, column) in RandomMemberIds.Columns.Append(("AnnouncementDeliveries", "AfterMemberId")))
        {
            foreach (var (from, to) in map)
            {
                await db.Database.ExecuteSqlRawAsync(SalonApiFactory.UsesPostgres
                    ? $"UPDATE \"{table}\" SET \"{column}\" = '{to}'::uuid WHERE \"{column}\" = '{from}'::uuid"
                    : $"UPDATE \"{table}\" SET \"{column}\" = '{to.ToString().ToUpperInvariant()}' WHERE \"{column}\" = '{from.ToString().ToUpperInvariant()}'");
            }
        }

        foreach (var (from, to) in map)
        {
            var (old, changed) = (from.ToString(), to.ToString());
            var (name, newName) = (from.ToString("N"), to.ToString("N"));
            await db.Database.ExecuteSqlAsync($"UPDATE \"AspNetUsers\" SET \"UserName\" = {newName}, \"NormalizedUserName\" = {newName.ToUpperInvariant()} WHERE \"UserName\" = {name}");
            await db.Database.ExecuteSqlAsync($"UPDATE \"OutboxEmails\" SET \"TextBody\" = replace(\"TextBody\", {old}, {changed}), \"HtmlBody\" = replace(\"HtmlBody\", {old}, {changed})");
        }

        await transaction.CommitAsync();
    }

    /// <summary>"table.column" of every value, in every table of the database, that holds one of the ids (as a uuid, or in
    /// text, in either case, with or without hyphens).</summary>
    private static async Task<List<string>> ColumnsHoldingAsync(SalonDbContext db, IReadOnlyCollection<Guid> ids)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = SalonApiFactory.UsesPostgres
                ? "SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')"
                : "SELECT '\"' || name || '\"' FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains(tables, t => t.Contains("Replies", StringComparison.Ordinal));
        var texts = ids.SelectMany(id => new[] { id.ToString("D"), id.ToString("N") }).ToList();
        var found = new SortedSet<string>();
        foreach (var table in tables)
        {
            await using var read = connection.CreateCommand();
            read.CommandText = $"SELECT * FROM {table}";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var text = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                    {
                        Guid g => g.ToString("D"),
                        string s => s,
                        _ => null,
                    };
                    if (text is not null && texts.Any(t => text.Contains(t, StringComparison.OrdinalIgnoreCase)))
                    {
                        found.Add($"{table}.{reader.GetName(i)}");
                    }
                }
            }
        }

        return [.. found];
    }
}
