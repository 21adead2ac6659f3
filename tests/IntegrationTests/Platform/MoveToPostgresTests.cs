using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Salon.Application.Notifications.SendPendingEmails;
using Salon.Infrastructure.Persistence;
using Salon.Infrastructure.Persistence.Migrations.Postgres;
using Salon.Infrastructure.Persistence.Transfer;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;
using Salon.IntegrationTests.Meetings;
using Salon.WebApi.Cli;

namespace Salon.IntegrationTests.Platform;

/// <summary><c>move-to-postgres</c>, following docs/deploy.md ("Moving a SQLite community to PostgreSQL"): a
/// community written through the API on SQLite, Salon stopped, the move run from the real CLI, Salon started on
/// PostgreSQL, and the API asked the same questions.</summary>
public sealed class MoveToPostgresTests
{
    [PostgresFact]
    [Trait("Provider", "Postgres")]
    public async Task A_community_moved_from_SQLite_answers_the_same_on_PostgreSQL_and_keeps_its_passwords_tokens_and_mail()
    {
        var source = NewDirectory();
        Community community;
        List<string> before;
        long keys;
        using (var sqlite = new SalonApiFactory { ForceSqlite = true, Directory = source, KeepDirectory = true })
        {
            var client = sqlite.CreateClient();
            community = await Community.FillAsync(sqlite, client);
            before = await community.ViewAsync(client);
            keys = await sqlite.WithDbAsync(db => db.DataProtectionKeys.LongCountAsync());
        }

        // docs/deploy.md: the database created, Salon stopped, a backup, the move, both from the command line.
        SqliteConnection.ClearAllPools();
        var file = Path.Combine(source, "salon.db");
        using var postgres = new SalonApiFactory();
        SalonApiFactory.CreateDatabase(postgres.PostgresConnectionString!);
        var backup = await SalonCli.RunAsync(SalonCli.Sqlite(file), "backup", "--to", Path.Combine(source, "before-move.db"));
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var move = await SalonCli.RunAsync(SalonCli.Sqlite(file), "move-to-postgres", "--to", postgres.PostgresConnectionString!, "--batch-size", "7");

        Assert.True(move.ExitCode == 0, move.ToString());
        Assert.Matches(@"Members\s+7 of \d+ rows \(\d+ %", move.Output);
        Assert.Contains("counts and checksums are equal", move.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(community.Members[0].Email, move.Output + move.Error, StringComparison.OrdinalIgnoreCase);
        Assert.True(keys > 0, "the SQLite Salon had written its data-protection keys");
        await EveryTableHasTheSameRowsAsync(file, postgres.PostgresConnectionString!);

        // Two instances on PostgreSQL. Tokens issued before the move (sealed with the moved keys) are accepted,
        // and the API answers exactly as it did: anonymous posts still anonymous, the same search results,
        // counts and waitlist order.
        using var second = new SalonApiFactory { Directory = postgres.Directory, KeepDirectory = true };
        var pg = postgres.CreateClient();
        var pg2 = second.CreateClient();
        var after = await community.ViewAsync(pg);
        Assert.Equal(before, after);
        var anonymous = await pg.GetTopicAsync(community.Members[2], community.AnonymousTopic);
        Assert.True(anonymous.GetProperty("author").GetProperty("anonymous").GetBoolean());
        Assert.False(anonymous.GetProperty("author").TryGetProperty("id", out _));
        var applications = await pg.ListAsync(community.Official, $"/api/meetings/{community.Meeting}/applications");
        Assert.Equal(
            [community.Members[3].Nickname, community.Members[2].Nickname, community.Members[1].Nickname, community.Members[0].Nickname],
            applications.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("member").Str("nickname")).ToList());
        Assert.Equal(
            ["accepted", "accepted", "waitlisted", "waitlisted"],
            applications.GetProperty("items").EnumerateArray().Select(i => i.Str("status")).ToList());

        // Refresh tokens issued on SQLite still work, and everyone signs in with the same password.
        foreach (var member in community.Members.Append(community.Official))
        {
            await (await pg2.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = member.Tokens.RefreshToken })).ShouldBe(HttpStatusCode.OK);
            await pg.LoginAsync(member.Email, member.Password);
        }

        // The e-mail that was waiting is sent once, by one of the instances, and none of those sent before the
        // move again.
        Assert.Equal(1, (await postgres.SendAsync(new SendPendingEmailsCommand())).Sent);
        Assert.Equal(0, (await second.SendAsync(new SendPendingEmailsCommand())).Sent);
        Assert.Single(Directory.GetFiles(Path.Combine(postgres.Directory, "mail"), "*.eml"));

        // What PostgreSQL derives was rebuilt: the next identity value is past the copied ids, the indexes of search
        // (characters and pairs by week; trigrams by week; the topics' time order) are back, and the weekly index serves a new post as well as the moved ones;
        // the topics' side table (docs/adr/0045) was filled as they were copied: the moved topics are found.
        var (maxKey, nextKey) = await postgres.WithDbAsync(async db => (
            await db.DataProtectionKeys.MaxAsync(k => k.Id),
            await db.Database.SqlQueryRaw<int>("SELECT nextval(pg_get_serial_sequence('\"DataProtectionKeys\"', 'Id'))::int AS \"Value\"").SingleAsync()));
        Assert.True(nextKey > maxKey, $"next key id {nextKey}, highest copied {maxKey}");
        Assert.True(await postgres.WithDbAsync(db => db.Database
            .SqlQueryRaw<int>($"SELECT count(*)::int AS \"Value\" FROM pg_indexes WHERE indexname IN ('{ShortSearchWeeks.TopicIndex}', '{ShortSearchWeeks.ReplyIndex}', '{TopicSearchTexts.WeeksIndex}', '{PostSearchWeeks.ReplyIndex}', '{TopicSearchTexts.TimeIndex}')")
            .SingleAsync()) == 5);
        // The replies' two weekly indexes rebuilt with their small pending list (docs/adr/0051, 0057).
        Assert.Equal(2, await postgres.WithDbAsync(db => db.Database
            .SqlQueryRaw<int>($"SELECT count(*)::int AS \"Value\" FROM pg_class WHERE relname IN ('{ShortSearchWeeks.ReplyIndex}', '{PostSearchWeeks.ReplyIndex}') AND reloptions @> ARRAY['fastupdate=on', 'gin_pending_list_limit=64']")
            .SingleAsync()));
        // And not the pg_trgm indexes no search reads (migration UnreadTrigramIndexes).
        Assert.Equal(0, await postgres.WithDbAsync(db => db.Database
            .SqlQueryRaw<int>($"SELECT count(*)::int AS \"Value\" FROM pg_indexes WHERE indexname IN ('{TopicSearchTexts.TrigramIndex}', 'IX_Replies_Search_Trgm')")
            .SingleAsync()));
        var newTopic = await pg.CreateTopicAsync(await pg.RefreshAsync(community.Members[4]), title: community.SearchWord + "の続き");
        var search = await pg.ListAsync(community.Members[2], $"/api/search?q={Uri.EscapeDataString(community.SearchWord)}&sort=newest");
        Assert.Equal(newTopic, search.Ids()[0]);
        Assert.Equal(4, search.Ids().Count);
    }

    [PostgresFact]
    [Trait("Provider", "Postgres")]
    public async Task A_move_interrupted_half_way_finishes_on_the_second_run_without_duplicates_and_with_the_same_result()
    {
        var source = NewDirectory();
        using (var sqlite = new SalonApiFactory { ForceSqlite = true, Directory = source, KeepDirectory = true })
        {
            await Community.FillAsync(sqlite, sqlite.CreateClient(), members: 5);
        }

        SqliteConnection.ClearAllPools();
        var settings = Configuration(Path.Combine(source, "salon.db"));
        using var interrupted = new SalonApiFactory();
        using var clean = new SalonApiFactory();
        SalonApiFactory.CreateDatabase(interrupted.PostgresConnectionString!);
        SalonApiFactory.CreateDatabase(clean.PostgresConnectionString!);

        // The process dies after the 9th batch of 3 rows (a crash between batches; inside one, its transaction
        // rolls back).
        var (exit, output, error) = await MoveAsync(settings, interrupted.PostgresConnectionString!, afterBatch: n =>
        {
            if (n == 9)
            {
                throw new IOException("simulated crash");
            }
        });
        Assert.Equal(1, exit);
        Assert.Contains("run the same command again", error, StringComparison.Ordinal);
        var partial = (await CountsAsync(interrupted.PostgresConnectionString!)).Values.Sum();
        Assert.InRange(partial, 9, 27);

        var resumed = await MoveAsync(settings, interrupted.PostgresConnectionString!);
        Assert.True(resumed.Exit == 0, resumed.Output + resumed.Error);
        Assert.Contains($"Resuming the unfinished move: {partial} rows were already copied.", resumed.Output, StringComparison.Ordinal);
        var fresh = await MoveAsync(settings, clean.PostgresConnectionString!);
        Assert.True(fresh.Exit == 0, fresh.Output + fresh.Error);

        await EveryTableHasTheSameRowsAsync(Path.Combine(source, "salon.db"), interrupted.PostgresConnectionString!);
        Assert.Equal(await ContentAsync(clean.PostgresConnectionString!), await ContentAsync(interrupted.PostgresConnectionString!));
        Assert.False(await ExistsAsync(interrupted.PostgresConnectionString!, PostgresTarget.ProgressTable));
        Assert.Matches(@"Topics\s+\d+ of \d+ rows", resumed.Output + output);
    }

    [PostgresFact]
    [Trait("Provider", "Postgres")]
    public async Task A_target_that_holds_Salon_data_is_refused_unless_replace_and_an_unfinished_move_of_a_changed_source_too()
    {
        var source = NewDirectory();
        TestMember member;
        using (var sqlite = new SalonApiFactory { ForceSqlite = true, Directory = source, KeepDirectory = true })
        {
            member = await sqlite.SignUpAsync(sqlite.CreateClient());
        }

        SqliteConnection.ClearAllPools();
        var settings = Configuration(Path.Combine(source, "salon.db"));

        // A PostgreSQL Salon already started once on the target: default boards, and a member of its own.
        var target = NewDirectory();
        string connection;
        using (var occupied = new SalonApiFactory { Directory = target, KeepDirectory = true })
        {
            connection = occupied.PostgresConnectionString!;
            await occupied.SignUpAsync(occupied.CreateClient());
        }

        using var cleanup = new SalonApiFactory { Directory = target };
        var refused = await MoveAsync(settings, connection);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("already holds Salon data", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--replace", refused.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await CountsAsync(connection))["Members"]);

        // Interrupted with --replace, then the source changes (Salon ran again): resuming is refused.
        var interrupted = await MoveAsync(settings, connection, replace: true, afterBatch: n => throw new IOException("simulated crash"));
        Assert.Equal(1, interrupted.Exit);
        using (var sqlite = new SalonApiFactory { ForceSqlite = true, Directory = source, KeepDirectory = true })
        {
            await sqlite.SignUpAsync(sqlite.CreateClient());
        }

        SqliteConnection.ClearAllPools();
        var changed = await MoveAsync(settings, connection);
        Assert.Equal(1, changed.Exit);
        Assert.Contains("unfinished move of a different or changed SQLite database", changed.Error, StringComparison.Ordinal);

        var replaced = await MoveAsync(settings, connection, replace: true);
        Assert.True(replaced.Exit == 0, replaced.Output + replaced.Error);
        Assert.Equal(2, (await CountsAsync(connection))["Members"]);
        var client = cleanup.CreateClient();
        await client.LoginAsync(member.Email, member.Password);
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task Every_table_of_a_SQLite_Salon_is_moved_or_deliberately_left_out_and_an_unknown_table_stops_the_move()
    {
        using var factory = new SalonApiFactory { ForceSqlite = true };
        _ = factory.Services;
        var file = Path.Combine(factory.Directory, "salon.db");
        var tables = await SqliteColumnAsync<string>(file, "SELECT name FROM sqlite_master WHERE type = 'table'");
        await using var sqliteModel = new SalonDbContext(new DbContextOptionsBuilder<SalonDbContext>().UseSqlite($"Data Source={file}").Options);
        await using var postgresModel = new PostgresSalonDbContext(PostgresSalonDbContext.Configure(new DbContextOptionsBuilder<PostgresSalonDbContext>(), "Host=unused").Options);
        var plan = MovePlan.Build(sqliteModel, postgresModel);

        // Every table of the model is copied, and every other table of the file is named in NotMoved: a table
        // added by a hand-written migration must be added to one or the other.
        Assert.Empty(plan.Uncovered(tables));
        Assert.All(plan.Tables, t => Assert.Contains(t.Name, tables));
        Assert.Equal(sqliteModel.Model.GetEntityTypes().Select(e => e.GetTableName()).Distinct().Order(), plan.Tables.Select(t => t.Name).Order());
        Assert.All(MovePlan.NotMoved, n => Assert.True(
            tables.Any(t => n.Pattern.EndsWith('*') ? t.StartsWith(n.Pattern[..^1], StringComparison.Ordinal) : t == n.Pattern),
            $"{n.Pattern} is listed as not moved but no such table exists: remove it from MovePlan.NotMoved"));
        Assert.Equal(
            ["Boards", "Tags", "Topics", "TopicTags"],
            plan.Tables.Select(t => t.Name).Where(n => n is "Boards" or "Tags" or "Topics" or "TopicTags").ToList());

        // A table the move does not know stops it before anything is written anywhere.
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE LocalNotes (Id INTEGER PRIMARY KEY, Note TEXT)";
            await create.ExecuteNonQueryAsync();
        }

        var (exit, _, error) = await MoveAsync(Configuration(file), "Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody");
        Assert.Equal(1, exit);
        Assert.Contains("does not know how to copy (LocalNotes)", error, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task The_verbs_answer_help_and_refuse_unknown_options_from_the_real_command_line()
    {
        foreach (var verb in new[] { "move-to-postgres", "backup", "restore" })
        {
            var help = await SalonCli.RunAsync(new Dictionary<string, string>(), verb, "--help");
            Assert.True(help.ExitCode == 0, help.ToString());
            Assert.StartsWith($"usage: {verb}", help.Output, StringComparison.Ordinal);
        }

        var unknown = await SalonCli.RunAsync(new Dictionary<string, string>(), "backup", "--to", "x.db", "--frobnicate");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Unknown option '--frobnicate'", unknown.Error, StringComparison.Ordinal);

        var missing = await SalonCli.RunAsync(new Dictionary<string, string>(), "move-to-postgres");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--to is required", missing.Error, StringComparison.Ordinal);
    }

    internal static string NewDirectory() => Path.Combine(Path.GetTempPath(), "salon-tests", Guid.NewGuid().ToString("N"));

    internal static IConfiguration Configuration(string sqliteFile) =>
        new ConfigurationBuilder().AddInMemoryCollection(SalonCli.Sqlite(sqliteFile).Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value))).Build();

    private static async Task<(int Exit, string Output, string Error)> MoveAsync(IConfiguration configuration, string to, bool replace = false, Action<int>? afterBatch = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args = replace
            ? ["move-to-postgres", "--to", to, "--batch-size", "3", "--replace"]
            : ["move-to-postgres", "--to", to, "--batch-size", "3"];
        var exit = await MoveToPostgresVerb.RunAsync(configuration, args, output, error, CancellationToken.None, afterBatch);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Row counts of every table of the public schema, as PostgreSQL lists them (not as the move plans them).</summary>
    private static async Task<Dictionary<string, long>> CountsAsync(string connectionString)
    {
        var counts = new Dictionary<string, long>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var table in await ColumnAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('__EFMigrationsHistory', '__SalonMove')"))
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    /// <summary>Each table's rows as PostgreSQL prints them, sorted: equal for two databases holding the same data.</summary>
    private static async Task<Dictionary<string, string>> ContentAsync(string connectionString)
    {
        var content = new Dictionary<string, string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var table in (await CountsAsync(connectionString)).Keys)
        {
            await using var digest = new NpgsqlCommand($"SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') || ' ' || count(*) FROM \"{table}\" AS t", connection);
            content[table] = (string)(await digest.ExecuteScalarAsync())!;
        }

        return content;
    }

    /// <summary>Every table PostgreSQL has holds as many rows as the same table in the SQLite file: a table the move
    /// forgot would be empty here.</summary>
    private static async Task EveryTableHasTheSameRowsAsync(string sqliteFile, string postgres)
    {
        var counts = await CountsAsync(postgres);
        Assert.True(counts.Count >= 30, $"only {counts.Count} tables on PostgreSQL");
        await using var sqlite = new SqliteConnection($"Data Source={sqliteFile};Mode=ReadOnly;Pooling=False");
        await sqlite.OpenAsync();
        var mismatches = new List<string>();
        foreach (var (table, rows) in counts)
        {
            // PostgreSQL's own: the topics' searchable text (docs/adr/0045), one row per topic not deleted, filled by its
            // trigger as the topics were copied.
            if (table == TopicSearchTexts.Table)
            {
                Assert.Equal(await ScalarAsync(sqlite, "SELECT count(*) FROM Topics WHERE DeletedAt IS NULL"), rows);
                continue;
            }

            await using var count = sqlite.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
            var expected = (long)(await count.ExecuteScalarAsync())!;
            if (expected != rows)
            {
                mismatches.Add($"{table}: SQLite {expected}, PostgreSQL {rows}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches));
        Assert.True(counts["Members"] > 0 && counts["Topics"] > 0 && counts["AspNetUsers"] > 0 && counts["DataProtectionKeys"] > 0);
    }

    private static async Task<long> ScalarAsync(SqliteConnection sqlite, string sql)
    {
        await using var command = sqlite.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<bool> ExistsAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT to_regclass('\"{table}\"') IS NOT NULL", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The first column of a query on a SQLite file, read-only.</summary>
    internal static async Task<List<T>> SqliteColumnAsync<T>(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    private static async Task<List<string>> ColumnAsync(NpgsqlConnection connection, string sql)
    {
        var values = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
