using System.Diagnostics;
using Salon.Application.Announcements.CreateAnnouncement;
using System.Globalization;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Notifications.DeliverAnnouncementNotices;
using Salon.Application.Notifications.SendDueDigests;

namespace Salon.Bench;

/// <summary>The digest run at scale (docs/performance.md): seeds members with confirmed addresses, last-seen
/// times, follows and a month of activity, then times one <see cref="SendDueDigestsCommand"/> through the
/// real mediator pipeline, with the clock at a weekly slot (Sunday 20:05 in Japan) where every member with
/// the default settings is due. Memory is sampled while it runs.</summary>
internal sealed class DigestBench(IServiceProvider services, BenchOptions options, TransactionTimer transactions, TextWriter log)
{
    /// <summary>Sunday 1 November 2026, 20:05 in Japan: the default weekly slot.</summary>
    public static readonly DateTime RunAt = new(2026, 11, 1, 11, 5, 0, DateTimeKind.Utc);

    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public async Task<int> RunAsync(string connectionString)
    {
        var seedClock = Stopwatch.StartNew();
        var counts = await SeedAsync(connectionString);
        log.WriteLine($"[bench] digest data seeded in {seedClock.Elapsed.TotalSeconds:F1} s");
        SqliteConnection.ClearAllPools();

        var digest = options.AnnouncementOnly ? null : await RunDigestAsync();

        // Publishing one announcement records its delivery; the notices are written by the delivery job, a batch of
        // members per transaction (issue 15: no write transaction over 200 ms at 100,000 members).
        transactions.Reset();
        var announceClock = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new CreateAnnouncementCommand(Guid.CreateVersion7(), "年末年始のお休み", "12月29日から1月3日まで、運営の返信はお休みします。", Pinned: false, Public: true, PublishAt: null));
        }

        var announceElapsed = announceClock.Elapsed;
        var publishTransactions = transactions.Durations;
        transactions.Reset();
        var deliverClock = Stopwatch.StartNew();
        int batches;
        await using (var scope = services.CreateAsyncScope())
        {
            batches = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DeliverAnnouncementNoticesCommand());
        }

        var deliverElapsed = deliverClock.Elapsed;
        var deliverInOrder = transactions.Durations;
        var deliverAnatomy = transactions.Transactions;
        var deliverTransactions = deliverInOrder.OrderBy(d => d).ToList();
        var announcementNotices = await CountAsync(connectionString, "SELECT count(*) FROM Notifications WHERE Kind = 'announcement_published'");

        // The raw reference for one batch, in the same run: as many of the same notice rows as one batch writes, copied
        // in one transaction with a single INSERT … SELECT over Microsoft.Data.Sqlite, then rolled back.
        var batchSize = new DeliverAnnouncementNoticesCommand().BatchSize;
        TimeSpan rawBatch;
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            var columns = new List<string>();
            await using (var read = connection.CreateCommand())
            {
                read.CommandText = "SELECT name FROM pragma_table_info('Notifications')";
                await using var reader = await read.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add($"\"{reader.GetString(0)}\"");
                }
            }

            var values = columns.Select(c => c == "\"Id\"" ? "upper(hex(randomblob(16)))" : c);
            var rawClock = Stopwatch.StartNew();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using (var copy = connection.CreateCommand())
            {
                copy.Transaction = transaction;
                copy.CommandText = $"INSERT INTO Notifications ({string.Join(", ", columns)}) SELECT {string.Join(", ", values)} FROM Notifications WHERE Kind = 'announcement_published' LIMIT {batchSize}";
                await copy.ExecuteNonQueryAsync();
            }

            rawBatch = rawClock.Elapsed;
            await transaction.RollbackAsync();
        }

        var outbox = await CountAsync(connectionString, "SELECT count(*) FROM OutboxEmails WHERE Kind = 'digest'");

        var o = Console.Out;
        o.WriteLine(digest is null ? "## Announcement delivery" : "## Digest run");
        o.WriteLine();
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value:N0}"))}."));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Clock: {RunAt:yyyy-MM-dd HH:mm} UTC (Sunday 20:05 JST, the default weekly slot). Digest batch size {options.DigestBatch}; announcement batch size {batchSize}."));
        o.WriteLine();
        o.WriteLine("| measure | value |");
        o.WriteLine("|---|---|");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| members | {options.DigestMembers:N0} |"));
        if (digest is not null)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| digests queued (sent) | {digest.Result.Sent:N0} |"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| due but nothing new (recorded, no mail) | {digest.Result.Empty:N0} |"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| digest rows in the outbox | {outbox:N0} |"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **run time** | **{digest.Elapsed.TotalSeconds:F2} s** |"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| CPU time of the process during the run (all threads; less sensitive to other load than wall time) | {digest.Cpu.TotalSeconds:F2} s |"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| managed heap before / peak during run (sampled every 20 ms) | {digest.HeapBefore / 1048576.0:F1} MiB / {digest.PeakHeap / 1048576.0:F1} MiB |"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| allocated during run | {digest.Allocated / 1048576.0:F0} MiB |"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| process peak working set | {Environment.WorkingSet / 1048576.0:F0} MiB now, {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB peak (includes seeding) |"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| second run right after: sent / empty / time | {digest.Second.Sent} / {digest.Second.Empty} / {digest.AgainElapsed.TotalSeconds:F2} s |"));
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| publishing one announcement: time / longest transaction | {announceElapsed.TotalMilliseconds:F0} ms / {Longest(publishTransactions):F1} ms ({publishTransactions.Count} transactions) |"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| delivering its notices: in-app notices written / batches / time | {announcementNotices:N0} / {batches:N0} / {deliverElapsed.TotalSeconds:F2} s |"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| raw reference: the same {batchSize:N0} notice rows in one transaction (INSERT … SELECT, rolled back) | {rawBatch.TotalMilliseconds:F1} ms |"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **delivery transactions: median / p99 / longest** | **{Percentile(deliverTransactions, 0.5):F1} / {Percentile(deliverTransactions, 0.99):F1} / {Longest(deliverTransactions):F1} ms** ({deliverTransactions.Count} transactions; median {Percentile(deliverTransactions, 0.5) / rawBatch.TotalMilliseconds:F1}× the raw reference) |"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| delivery transactions over 200 ms / the first one (cold: first query compilations) / longest after the first | {deliverTransactions.Count(d => d.TotalMilliseconds > 200)} / {(deliverInOrder.Count > 0 ? deliverInOrder[0].TotalMilliseconds : 0):F1} ms / {Longest(deliverInOrder.Skip(1).ToList()):F1} ms |"));
        // What the slowest transactions were made of: the COMMIT (a WAL checkpoint runs inside it) or a garbage collection.
        foreach (var slow in deliverAnatomy.Select((t, i) => (t, i)).OrderByDescending(x => x.t.Duration).Take(3))
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| slow delivery transaction #{slow.i + 1}: total / of which COMMIT / GCs during it (gen0, gen1, gen2) | {slow.t.Duration.TotalMilliseconds:F1} ms / {slow.t.Commit.TotalMilliseconds:F1} ms / {slow.t.Gen0}, {slow.t.Gen1}, {slow.t.Gen2} |"));
        }

        var commits = deliverAnatomy.Select(t => t.Commit).OrderBy(c => c).ToList();
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| delivery COMMITs: median / longest; transactions with a gen2 GC during them | {Percentile(commits, 0.5):F1} / {Longest(commits):F1} ms; {deliverAnatomy.Count(t => t.Gen2 > 0)} |"));
        var digestOk = digest is null || (digest.Second.Sent == 0 && outbox == digest.Result.Sent);
        return digestOk && announcementNotices > 0 ? 0 : 1;
    }

    private sealed record DigestFigures(SendDueDigestsResult Result, TimeSpan Elapsed, TimeSpan Cpu, long HeapBefore, long PeakHeap, long Allocated, SendDueDigestsResult Second, TimeSpan AgainElapsed);

    /// <summary>One digest run through the real mediator pipeline, memory sampled while it runs, then a second run right after.</summary>
    private async Task<DigestFigures> RunDigestAsync()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peakHeap = heapBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                try
                {
                    await Task.Delay(20, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        SendDueDigestsResult result;
        await using (var scope = services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendDueDigestsCommand(options.DigestBatch));
        }

        var elapsed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        await sampling.CancelAsync();
        await sampler;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        // A second run right after must find nothing (idempotency at scale).
        var again = Stopwatch.StartNew();
        SendDueDigestsResult second;
        await using (var scope = services.CreateAsyncScope())
        {
            second = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendDueDigestsCommand(options.DigestBatch));
        }

        var againElapsed = again.Elapsed;

        return new DigestFigures(result, elapsed, cpu, heapBefore, peakHeap, allocated, second, againElapsed);
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static double Longest(IReadOnlyList<TimeSpan> durations) => durations.Count == 0 ? 0 : durations.Max().TotalMilliseconds;

    /// <summary>The value at or above which the given share of the sorted durations lie (nearest rank).</summary>
    private static double Percentile(List<TimeSpan> sorted, double share) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)].TotalMilliseconds;

    private async Task<Dictionary<string, long>> SeedAsync(string connectionString)
    {
        var random = new Random(options.Seed);
        var members = options.DigestMembers;
        var topics = Math.Max(200, members / 5);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
        var boards = new List<string>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id FROM Boards ORDER BY SortOrder";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                boards.Add(reader.GetString(0));
            }
        }

        var memberIds = new string[members];
        var topicIds = new string[topics];
        var topicAuthors = new int[topics];
        var topicTimes = new DateTime[topics];
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            using var member = Prepare(connection, transaction, """
                INSERT INTO Members (Id, Nickname, NormalizedNickname, FamilyPositions, Bio, Roles, Status, TermsVersion, TermsAcceptedAt,
                    SensitiveInfoConsentVersion, SensitiveInfoConsentedAt, CreatedAt, UpdatedAt, LastSeenAt)
                VALUES ($id, $nick, $nick, $positions, '', 0, $status, '2026-01', $created, '2026-01', $created, $created, $created, $seen)
                """);
            using var user = Prepare(connection, transaction, """
                INSERT INTO AspNetUsers (Id, CreatedAt, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, SecurityStamp,
                    PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
                VALUES ($id, $created, $id, $id, $email, $normalized, $confirmed, 'x', 0, 0, 1, 0)
                """);
            int[] positions = [1, 1, 1, 2, 2, 4, 8, 16, 32, 3];
            for (var i = 0; i < members; i++)
            {
                var id = Guid.CreateVersion7().ToString("D").ToUpperInvariant();
                memberIds[i] = id;
                var created = RunAt.AddDays(-400 + random.Next(0, 200));
                // Most were last here 8–60 days ago (due); some this week (not due), some long gone.
                var roll = random.NextDouble();
                var seen = roll < 0.05 ? RunAt.AddDays(-random.Next(1, 6)) : roll < 0.08 ? RunAt.AddDays(-200) : RunAt.AddDays(-8 - random.Next(0, 52));
                Bind(member, ("$id", id), ("$nick", "m" + i.ToString(CultureInfo.InvariantCulture)), ("$positions", positions[random.Next(positions.Length)]),
                    ("$status", random.NextDouble() < 0.01 ? 1 : 0), ("$created", Time(created)), ("$seen", Time(seen)));
                member.ExecuteNonQuery();
                var email = $"m{i}@bench.invalid";
                Bind(user, ("$id", id), ("$created", Time(created)), ("$email", email), ("$normalized", email.ToUpperInvariant()), ("$confirmed", random.NextDouble() < 0.98 ? 1 : 0));
                user.ExecuteNonQuery();
            }

            using var topic = Prepare(connection, transaction, """
                INSERT INTO Topics (Id, BoardId, AuthorId, Title, Body, IsAnonymous, RepliesWelcome, IsClosed, Visibility, AuthorDeparted, CreatedAt,
                    LastActivityAt, ReplyCount, OthersReplyCount, RelateCount, ThanksCount, SupportCount, DeletedAt)
                VALUES ($id, $board, $author, $title, $body, $anonymous, 1, 0, $visibility, 0, $created, $created, $replies, $replies, $relate, 0, $support, $deleted)
                """);
            using var reply = Prepare(connection, transaction, """
                INSERT INTO Replies (Id, TopicId, AuthorId, Body, IsAnonymous, Visibility, AuthorDeparted, CreatedAt, RelateCount, ThanksCount, SupportCount)
                VALUES ($id, $topic, $author, $body, 0, $visibility, 0, $created, 0, 0, 0)
                """);
            var replyCount = 0;
            for (var t = 0; t < topics; t++)
            {
                var id = Guid.CreateVersion7().ToString("D").ToUpperInvariant();
                topicIds[t] = id;
                topicAuthors[t] = random.Next(members);
                topicTimes[t] = RunAt.AddMinutes(-random.Next(60, 30 * 24 * 60));
                var replies = random.NextDouble() < 0.3 ? 0 : random.Next(1, 7);
                Bind(topic, ("$id", id), ("$board", boards[random.Next(boards.Count)]), ("$author", memberIds[topicAuthors[t]]),
                    ("$title", "相談のタイトル " + t.ToString(CultureInfo.InvariantCulture)), ("$body", "本文は digest に出ない"), ("$anonymous", random.NextDouble() < 0.3 ? 1 : 0),
                    ("$visibility", random.NextDouble() < 0.02 ? 1 : 0), ("$created", Time(topicTimes[t])), ("$replies", replies),
                    ("$relate", random.Next(0, 5)), ("$support", random.Next(0, 3)), ("$deleted", random.NextDouble() < 0.01 ? Time(topicTimes[t].AddHours(1)) : null));
                topic.ExecuteNonQuery();
                for (var r = 0; r < replies; r++)
                {
                    var at = topicTimes[t].AddMinutes(random.Next(1, 3 * 24 * 60));
                    if (at >= RunAt)
                    {
                        at = RunAt.AddMinutes(-1);
                    }

                    Bind(reply, ("$id", Guid.CreateVersion7().ToString("D").ToUpperInvariant()), ("$topic", id), ("$author", memberIds[random.Next(members)]),
                        ("$body", "返信"), ("$visibility", random.NextDouble() < 0.02 ? 2 : 0), ("$created", Time(at)));
                    reply.ExecuteNonQuery();
                    replyCount++;
                }
            }

            // Each member follows their own topics and about five others.
            using var follow = Prepare(connection, transaction, "INSERT OR IGNORE INTO TopicFollows (TopicId, MemberId, CreatedAt) VALUES ($topic, $member, $at)");
            for (var t = 0; t < topics; t++)
            {
                Bind(follow, ("$topic", topicIds[t]), ("$member", memberIds[topicAuthors[t]]), ("$at", Time(topicTimes[t])));
                follow.ExecuteNonQuery();
            }

            for (var i = 0; i < members; i++)
            {
                for (var f = 0; f < 5; f++)
                {
                    var t = random.Next(topics);
                    Bind(follow, ("$topic", topicIds[t]), ("$member", memberIds[i]), ("$at", Time(topicTimes[t])));
                    follow.ExecuteNonQuery();
                }
            }

            using var block = Prepare(connection, transaction, "INSERT OR IGNORE INTO MemberBlocks (BlockerId, BlockedId, CreatedAt) VALUES ($a, $b, $at)");
            for (var i = 0; i < members / 20; i++)
            {
                Bind(block, ("$a", memberIds[random.Next(members)]), ("$b", memberIds[random.Next(members)]), ("$at", Time(RunAt.AddDays(-100))));
                block.ExecuteNonQuery();
            }

            await transaction.CommitAsync();
            log.WriteLine($"[bench] {members:N0} members, {topics:N0} topics, {replyCount:N0} replies");
        }

        await Execute(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        var counts = new Dictionary<string, long>();
        foreach (var table in new[] { "Members", "AspNetUsers", "Topics", "Replies", "TopicFollows", "MemberBlocks" })
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Bind(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }
            else
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }
    }

    private static string Time(DateTime value) => value.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The bench's clock: fixed at the digest slot.</summary>
internal sealed class FixedTimeProvider(DateTime utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
}
