using Salon.Application.Consultations;
using Salon.Infrastructure.Consultations.Search;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Search;

/// <summary>What keeps a 1–2 character search on SQLite from reading every post (docs/adr/0031): each table is walked
/// backwards along its (CreatedAt, Id) index and stops after a page, and a reply's topic is looked up per row, never
/// through a Bloom filter built from every topic.</summary>
[Trait("Provider", "Sqlite")]
public sealed class SqliteSearchPlanTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_short_query_walks_each_table_in_time_order_without_sorting_every_match(bool hasAfter)
    {
        using var factory = new SalonApiFactory();
        _ = factory.Services;

        var plan = await factory.WithDbAsync(db => QueryPlan.LinesAsync(
            db,
            "EXPLAIN QUERY PLAN " + SqlitePostSearch.BuildSql(usesIndex: false, SearchOrder.Newest, hasAfter),
            [
                ("@viewer", Guid.NewGuid().ToString("D").ToUpperInvariant()), ("@limit", 21), ("@pattern", "%薬%"), ("@pattern2", DBNull.Value),
                ("@afterCreatedAt", "2026-12-01 00:00:00"), ("@afterPostId", Guid.NewGuid().ToString("D").ToUpperInvariant()),
            ],
            column: 3));

        var text = string.Join('\n', plan);
        Assert.Contains(plan, line => line.Contains("t USING INDEX IX_Topics_CreatedAt_Id", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains("r USING INDEX IX_Replies_CreatedAt_Id", StringComparison.Ordinal));
        // Topics are read whole only by the walk itself; a reply's topic is a primary-key lookup.
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN t", StringComparison.Ordinal) && !line.Contains("IX_Topics_CreatedAt_Id", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN r", StringComparison.Ordinal) && !line.Contains("IX_Replies_CreatedAt_Id", StringComparison.Ordinal));
        Assert.False(text.Contains("BLOOM FILTER", StringComparison.Ordinal), text);
        // The reply's topic stays a correlated subquery: SQLite (3.47+) turns a plain EXISTS into a join, and then, with
        // the statistics of a full database, builds the Bloom filter over every topic again (180–330 ms at 100,000).
        Assert.DoesNotContain(plan, line => line.Contains(" EXISTS USING ", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.StartsWith("SEARCH t USING INDEX sqlite_autoindex_Topics_1", StringComparison.Ordinal));
        // The only sorts are of the two pages being merged (the subqueries' results), not of the tables' matches.
        Assert.Equal(2, plan.Count(line => line.Contains("TEMP B-TREE", StringComparison.Ordinal)));
    }
}
