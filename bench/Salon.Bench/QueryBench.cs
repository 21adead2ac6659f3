using System.Diagnostics;
using System.Globalization;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Common.Paging;
using Salon.Application.Consultations.GetTopic;
using Salon.Application.Consultations.ListBoardTopics;
using Salon.Application.Consultations.SearchPosts;

namespace Salon.Bench;

/// <summary>Sends each query through <see cref="IMediator"/> in its own DI scope, as an API request
/// does: once recording its statements, then untimed warm-up runs, then timed runs. Then runs
/// <c>EXPLAIN QUERY PLAN</c> on every recorded statement.</summary>
internal sealed class QueryBench(IServiceProvider services, StatementCapture capture, BenchOptions options, SeedSummary seed, TextWriter log)
{
    /// <summary>A slow case gets fewer timed runs, so the whole bench stays within minutes.</summary>
    private static readonly TimeSpan BudgetPerCase = TimeSpan.FromSeconds(30);

    private const int MinimumRuns = 5;

    private const string Board = "parents";

    /// <summary>A common word (trigram index), a rare one (trigram index), and one character (LIKE scan).</summary>
    private static readonly string[] SearchTerms = ["主治医", "グループホーム", "薬"];

    private readonly List<CaseResult> _results = [];

    public async Task<IReadOnlyList<CaseResult>> RunAsync()
    {
        var viewer = seed.ViewerId;

        // Topic list of one board: first page, the next page, a page half-way down, and the two filters.
        var first = await RunAsync(
            "list-first", "Topic list, first page", $"ListBoardTopicsQuery(viewer, \"{Board}\", Tag: null, Unanswered: false, Cursor: null, Limit: null)",
            () => SendAsync(new ListBoardTopicsQuery(viewer, Board, null, false, null, null)), Describe);
        await RunAsync(
            "list-page2", "Topic list, second page (cursor from the first)", $"ListBoardTopicsQuery(viewer, \"{Board}\", null, false, Cursor: <first page's nextCursor>, null)",
            () => SendAsync(new ListBoardTopicsQuery(viewer, Board, null, false, first.NextCursor, null)), Describe);
        var middle = await MiddleOfBoardCursorAsync();
        await RunAsync(
            "list-deep", "Topic list, a page half-way down the board", $"ListBoardTopicsQuery(viewer, \"{Board}\", null, false, Cursor: <position {middle.Offset:N0} of {middle.Count:N0}>, null)",
            () => SendAsync(new ListBoardTopicsQuery(viewer, Board, null, false, middle.Cursor, null)), Describe);
        await RunAsync(
            "list-tag", "Topic list filtered by tag", $"ListBoardTopicsQuery(viewer, \"{Board}\", Tag: \"medical\", false, null, null)",
            () => SendAsync(new ListBoardTopicsQuery(viewer, Board, "medical", false, null, null)), Describe);
        await RunAsync(
            "list-unanswered", "Topic list, unanswered only", $"ListBoardTopicsQuery(viewer, \"{Board}\", null, Unanswered: true, null, null)",
            () => SendAsync(new ListBoardTopicsQuery(viewer, Board, null, true, null, null)), Describe);

        // Topic view: the long thread (first page of replies, and a page deep into it), and a typical topic.
        var hot = seed.HotTopicId;
        var view = await RunAsync(
            "view-long", $"Topic view, thread of {options.HotTopicReplies:N0} replies, first page", "GetTopicQuery(viewer, <long thread>, Cursor: null, Limit: null)",
            () => SendAsync(new GetTopicQuery(viewer, hot, null, null)), Describe);
        var replyCursor = view.Replies.NextCursor;
        for (var page = 2; page < 15 && replyCursor is not null; page++)
        {
            replyCursor = (await SendAsync(new GetTopicQuery(viewer, hot, replyCursor, null))).Replies.NextCursor;
        }

        await RunAsync(
            "view-long-deep", "Topic view, same thread, replies page 15", "GetTopicQuery(viewer, <long thread>, Cursor: <page 14's nextCursor>, null)",
            () => SendAsync(new GetTopicQuery(viewer, hot, replyCursor, null)), Describe);
        var typical = await TypicalTopicAsync();
        await RunAsync(
            "view-typical", "Topic view, a topic with 3 replies", "GetTopicQuery(viewer, <topic with 3 replies>, null, null)",
            () => SendAsync(new GetTopicQuery(viewer, typical, null, null)), Describe);

        // Search: trigram index (3+ characters), common and rare words; LIKE scan (1 character); both orders.
        foreach (var (q, kind) in SearchTerms.Zip(["3 characters, common", "7 characters, rare", "1 character"]))
        {
            foreach (var sort in new[] { "newest", "relevance" })
            {
                var key = $"search-{(q.Length >= 3 ? "fts" : "like")}-{(kind.Contains("rare", StringComparison.Ordinal) ? "rare-" : string.Empty)}{sort}";
                var page = await RunAsync(
                    key, $"Search 「{q}」 ({kind}), {sort}", $"SearchPostsQuery(viewer, \"{q}\", Sort: \"{sort}\", Cursor: null, Limit: null)",
                    () => SendAsync(new SearchPostsQuery(viewer, q, sort, null, null)), Describe);
                if (sort == "newest" && page.NextCursor is { } next && !kind.Contains("rare", StringComparison.Ordinal))
                {
                    await RunAsync(
                        key + "-page2", $"Search 「{q}」 ({kind}), {sort}, second page", $"SearchPostsQuery(viewer, \"{q}\", \"{sort}\", Cursor: <first page's nextCursor>, null)",
                        () => SendAsync(new SearchPostsQuery(viewer, q, sort, next, null)), Describe);
                }
            }
        }

        await ExplainAllAsync();
        return _results;
    }

    /// <summary>How many posts contain each search term, so the search timings can be read against the
    /// number of matches the statement has to join and sort.</summary>
    public async Task<IReadOnlyList<(string Term, string Method, long Posts)>> CountSearchTermsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={options.Database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var counts = new List<(string, string, long)>();
        foreach (var term in SearchTerms)
        {
            await using var command = connection.CreateCommand();
            var indexed = term.Length >= 3;
            command.CommandText = indexed
                ? "SELECT count(*) FROM PostSearch WHERE PostSearch MATCH $match"
                : "SELECT (SELECT count(*) FROM Topics WHERE Title LIKE $like OR Body LIKE $like) + (SELECT count(*) FROM Replies WHERE Body LIKE $like)";
            command.Parameters.AddWithValue(indexed ? "$match" : "$like", indexed ? $"\"{term}\"" : $"%{term}%");
            counts.Add((term, indexed ? "FTS5 trigram MATCH" : "LIKE", (long)(await command.ExecuteScalarAsync())!));
        }

        return counts;
    }

    private async Task<T> RunAsync<T>(string key, string title, string request, Func<Task<T>> send, Func<T, string> describe)
    {
        log.WriteLine($"[bench] {key}");
        var (result, recording) = await capture.RecordAsync(send);
        var statements = recording.Statements;

        var warm = Stopwatch.StartNew();
        for (var i = 0; i < Math.Max(1, options.Warmup); i++)
        {
            await send();
        }

        var perRun = warm.Elapsed / Math.Max(1, options.Warmup);
        var runs = options.Runs;
        if (perRun * runs > BudgetPerCase)
        {
            runs = Math.Min(runs, Math.Max(MinimumRuns, (int)(BudgetPerCase / perRun)));
        }

        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await send();
            samples[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        var timing = new Timing(runs, Percentile(samples, 0.5), Percentile(samples, 0.9), samples[0], samples[^1]);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[bench]   {statements.Count} statement(s), median {timing.MedianMs:F2} ms over {runs} runs"));
        _results.Add(new CaseResult(key, title, request, describe(result), statements, recording.Nested, [], timing));
        return result;
    }

    private async Task ExplainAllAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = options.Database,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        for (var i = 0; i < _results.Count; i++)
        {
            var result = _results[i];
            var plans = new List<QueryPlan>();
            foreach (var statement in result.Statements)
            {
                plans.Add(await QueryPlans.ExplainAsync(connection, statement.FromEf ? statement : statement with { Sql = statement.Expanded! }));
            }

            _results[i] = result with { Plans = plans };
        }
    }

    private async Task<T> SendAsync<T>(IQuery<T> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    private async Task<(string Cursor, long Offset, long Count)> MiddleOfBoardCursorAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={options.Database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT t.LastActivityAt, t.Id, (SELECT count(*) FROM Topics WHERE BoardId = b.Id)
            FROM Topics AS t JOIN Boards AS b ON b.Id = t.BoardId
            WHERE b.Slug = $slug
            ORDER BY t.LastActivityAt DESC, t.Id DESC
            LIMIT 1 OFFSET (SELECT count(*) / 2 FROM Topics WHERE BoardId = (SELECT Id FROM Boards WHERE Slug = $slug))
            """;
        command.Parameters.AddWithValue("$slug", Board);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var at = DateTime.SpecifyKind(DateTime.Parse(reader.GetString(0), CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var count = reader.GetInt64(2);
        return (new KeysetCursor(at, Guid.Parse(reader.GetString(1))).Encode(), count / 2, count);
    }

    private async Task<Guid> TypicalTopicAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={options.Database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Id FROM Topics
            WHERE ReplyCount = 3 AND DeletedAt IS NULL AND Visibility = 0 AND IsAnonymous = 0
            ORDER BY CreatedAt DESC LIMIT 1
            """;
        return Guid.Parse((string)(await command.ExecuteScalarAsync())!);
    }

    private static string Describe<T>(Page<T> page) =>
        $"{page.Items.Count} items, next cursor: {(page.NextCursor is null ? "none" : "yes")}";

    private static string Describe(TopicDetailDto topic) =>
        $"topic with {topic.ReplyCount} replies; {topic.Replies.Items.Count} replies on this page, next cursor: {(topic.Replies.NextCursor is null ? "none" : "yes")}";

    private static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}

internal sealed record Timing(int Runs, double MedianMs, double P90Ms, double MinMs, double MaxMs);

internal sealed record CaseResult(
    string Key,
    string Title,
    string Request,
    string Outcome,
    IReadOnlyList<CapturedStatement> Statements,
    int NestedStatements,
    IReadOnlyList<QueryPlan> Plans,
    Timing Timing);
