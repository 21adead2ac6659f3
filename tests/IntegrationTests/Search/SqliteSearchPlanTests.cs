using Salon.Infrastructure.Consultations.Search;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Search;

/// <summary>What keeps a 1–2 character search on SQLite from reading every post (docs/adr/0035): it reads the index of
/// single characters backwards in rowid (time) order, in the order FTS5 returns it, at most a bounded number of entries
/// (docs/adr/0037), and looks up each candidate's post by key; nothing scans <c>Topics</c> or <c>Replies</c> and nothing sorts the matches.</summary>
[Trait("Provider", "Sqlite")]
public sealed class SqliteSearchPlanTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_short_query_reads_the_character_index_newest_first_without_scanning_or_sorting_posts(bool hasAfter)
    {
        using var factory = new SalonApiFactory();
        _ = factory.Services;

        var plan = await factory.WithDbAsync(db => QueryPlan.LinesAsync(
            db,
            "EXPLAIN QUERY PLAN " + SqlitePostSearch.NewestSql(usesIndex: false, hasAfter),
            [
                ("@viewer", Guid.NewGuid().ToString("D").ToUpperInvariant()), ("@match", "\"薬\""), ("@beforeRowId", long.MaxValue),
                ("@candidates", SearchTerms.MaxCandidates), ("@entries", SearchTerms.MaxEntriesRead),
                ("@pattern", "%薬%"), ("@pattern2", DBNull.Value),
                ("@afterCreatedAt", "2026-12-01 00:00:00"), ("@afterPostId", Guid.NewGuid().ToString("D").ToUpperInvariant()),
            ],
            column: 3));

        var text = string.Join('\n', plan);
        // At most MaxEntriesRead entries of the index, newest first, in a co-routine whose order the outer query keeps, each
        // joined to its post and checked against the visibility rules, at most MaxCandidates visible ones (docs/adr/0037,
        // 0044): no sort of the candidates either.
        Assert.Equal("CO-ROUTINE c", plan[0]);
        Assert.True(plan[1].StartsWith("SCAN PostSearchChars VIRTUAL TABLE INDEX", StringComparison.Ordinal), text);
        Assert.Equal("SCAN c", plan[2]);
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN t", StringComparison.Ordinal) || line.StartsWith("SCAN r", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.StartsWith("SEARCH k USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
        Assert.False(text.Contains("TEMP B-TREE", StringComparison.Ordinal), text);
        Assert.False(text.Contains("BLOOM FILTER", StringComparison.Ordinal), text);
    }
}
