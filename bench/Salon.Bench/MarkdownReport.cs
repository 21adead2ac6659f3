using System.Globalization;
using System.Text.RegularExpressions;

namespace Salon.Bench;

/// <summary>The bench's results as Markdown: a summary table, then per case the exact statements,
/// their parameters, their query plans and the timings.</summary>
internal static partial class MarkdownReport
{
    public static void Write(
        TextWriter output,
        BenchOptions options,
        SeedSummary seed,
        string sqliteVersion,
        long databaseBytes,
        IReadOnlyList<(string Term, string Method, long Posts)> searchTerms,
        IReadOnlyList<CaseResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine("## Data set");
        output.WriteLine();
        output.WriteLine(string.Create(c, $"Seeded by `Salon.Bench` (seed {options.Seed}): {options.Topics:N0} topics over the 8 default boards, Poisson({options.RepliesPerTopic}) replies per topic, one thread of {options.HotTopicReplies:N0} replies, {options.Members:N0} members. SQLite {sqliteVersion}, database `{options.Database}`."));
        output.WriteLine(string.Create(c, $"Seeding took {seed.SeedTime.TotalSeconds:F1} s (FTS triggers included), `ANALYZE` {seed.AnalyzeTime.TotalSeconds:F1} s; the database file is {databaseBytes / (1024.0 * 1024):N0} MiB."));
        output.WriteLine();
        output.WriteLine("| table | rows |");
        output.WriteLine("|---|---:|");
        foreach (var (table, rows) in seed.RowCounts)
        {
            output.WriteLine(string.Create(c, $"| {table} | {rows:N0} |"));
        }

        var posts = seed.RowCounts.TryGetValue("PostSearchKeys", out var indexed) ? indexed : 0;
        output.WriteLine();
        output.WriteLine("Posts (topics and replies, any visibility) containing each search term:");
        output.WriteLine();
        output.WriteLine("| term | counted with | posts | share |");
        output.WriteLine("|---|---|---:|---:|");
        foreach (var (term, method, count) in searchTerms)
        {
            output.WriteLine(string.Create(c, $"| 「{term}」 | {method} | {count:N0} | {(posts == 0 ? 0 : 100.0 * count / posts):F1} % |"));
        }

        output.WriteLine();
        output.WriteLine("## Summary");
        output.WriteLine();
        output.WriteLine(string.Create(c, $"Times are per call through `IMediator.Send` in a fresh DI scope (as one API request does, without HTTP and JSON), warm, in milliseconds; each case ran {options.Warmup} untimed warm-up call(s) first. Statements are the SQL statements the call sent to SQLite (connection PRAGMAs not counted); \"inside FTS5\" counts the statements the FTS5 module ran on its shadow tables while executing the search statement."));
        output.WriteLine();
        output.WriteLine("| case | statements | median ms | p90 ms | min ms | max ms | runs | plan lines to look at |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var flags = Flags(r).Distinct().ToList();
            var t = r.Timing;
            output.WriteLine(string.Create(c,
                $"| [{r.Key}](#{r.Key}) | {r.Statements.Count}{(r.NestedStatements > 0 ? $" (+{r.NestedStatements:N0} inside FTS5)" : string.Empty)} | {t.MedianMs:F2} | {t.P90Ms:F2} | {t.MinMs:F2} | {t.MaxMs:F2} | {t.Runs} | {(flags.Count == 0 ? "none" : string.Join("<br>", flags.Select(f => $"`{f}`")))} |"));
        }

        output.WriteLine();
        output.WriteLine("## Cases");
        foreach (var r in results)
        {
            output.WriteLine();
            output.WriteLine($"### {r.Key}");
            output.WriteLine();
            output.WriteLine($"{r.Title}. Request: `{r.Request}`. Result: {r.Outcome}.");
            var t = r.Timing;
            var ef = r.Statements.Count(s => s.FromEf);
            output.WriteLine(string.Create(c,
                $"{r.Statements.Count} SQL statement(s) ({ef} sent by EF Core, {r.Statements.Count - ef} by a command of its own){(r.NestedStatements > 0 ? $"; inside them FTS5 ran {r.NestedStatements:N0} statements of its own on its shadow tables (index pages, and one document-size lookup per match for bm25)" : string.Empty)}. Median {t.MedianMs:F2} ms, p90 {t.P90Ms:F2} ms, min {t.MinMs:F2} ms, max {t.MaxMs:F2} ms over {t.Runs} runs."));
            for (var i = 0; i < r.Statements.Count; i++)
            {
                var s = r.Statements[i];
                output.WriteLine();
                output.WriteLine(s.FromEf
                    ? $"Statement {i + 1}, as EF Core sent it:"
                    : $"Statement {i + 1}, sent by the handler's own command (not through EF, so no EF interceptor sees it); as SQLite's trace shows it, parameters expanded:");
                output.WriteLine();
                output.WriteLine("```sql");
                output.WriteLine(s.FromEf ? s.Sql : s.Expanded);
                output.WriteLine("```");
                if (s.Parameters.Count > 0)
                {
                    output.WriteLine();
                    output.WriteLine("Parameters: " + string.Join(", ", s.Parameters.Select(p => $"`{p.Name}` = `{Format(p.Value)}`")));
                }

                if (i < r.Plans.Count)
                {
                    output.WriteLine();
                    output.WriteLine("```text");
                    output.WriteLine(r.Plans[i].Text);
                    output.WriteLine("```");
                }
            }
        }
    }

    /// <summary>Plan lines worth a look: a scan of a table (named after its alias; not of the FTS index, not
    /// of a co-routine's own rows) or of a materialized subquery, a subquery materialized in full, a
    /// skip-scan (<c>ANY(…)</c>), an index SQLite builds at run time, or a temporary b-tree (a sort the
    /// index order could not provide). Whether a line is a problem depends on how many rows it touches.</summary>
    private static IEnumerable<string> Flags(CaseResult result)
    {
        for (var i = 0; i < result.Plans.Count && i < result.Statements.Count; i++)
        {
            var statement = result.Statements[i];
            var aliases = Aliases().Matches(statement.FromEf ? statement.Sql : statement.Expanded ?? string.Empty)
                .GroupBy(m => m.Groups[2].Value, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Groups[1].Value, StringComparer.Ordinal);
            var details = result.Plans[i].Details;
            var subqueries = details.Select(d => SubqueryName().Match(d)).Where(m => m.Success).ToList();
            var coroutines = subqueries.Where(m => m.Groups[1].Value == "CO-ROUTINE").Select(m => m.Groups[2].Value).ToHashSet(StringComparer.Ordinal);
            var materialized = subqueries.Where(m => m.Groups[1].Value == "MATERIALIZE").Select(m => m.Groups[2].Value).ToHashSet(StringComparer.Ordinal);
            foreach (var detail in details)
            {
                var scan = ScanName().Match(detail);
                if (scan.Success && !detail.Contains("VIRTUAL TABLE", StringComparison.Ordinal) && detail != "SCAN CONSTANT ROW")
                {
                    var name = scan.Groups[1].Value;
                    if (!coroutines.Contains(name))
                    {
                        yield return aliases.TryGetValue(name, out var table) && table != name ? $"{detail} ({table})"
                            : materialized.Contains(name) ? $"{detail} (materialized subquery)"
                            : detail;
                    }
                }
                else if (detail.StartsWith("MATERIALIZE ", StringComparison.Ordinal)
                    || detail.Contains("ANY(", StringComparison.Ordinal)
                    || detail.Contains("AUTOMATIC", StringComparison.Ordinal)
                    || detail.Contains("TEMP B-TREE", StringComparison.Ordinal))
                {
                    yield return detail;
                }
            }
        }
    }

    [GeneratedRegex(@"(?:FROM|JOIN)\s+""?(\w+)""?\s+AS\s+""?(\w+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex Aliases();

    [GeneratedRegex(@"^(CO-ROUTINE|MATERIALIZE) (\w+)")]
    private static partial Regex SubqueryName();

    [GeneratedRegex(@"^SCAN (\w+)")]
    private static partial Regex ScanName();

    private static string Format(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + (s.Length > 80 ? s[..80] + "…" : s) + "'",
        Guid g => g.ToString("D").ToUpperInvariant(),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
