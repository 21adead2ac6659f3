using Microsoft.EntityFrameworkCore;
using Salon.Application.Consultations;
using Salon.Infrastructure.Consultations.Search;
using Salon.Infrastructure.Persistence;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Search;

/// <summary>What makes PostgreSQL's search fast, checked on the real server: the database extracts trigrams
/// from Japanese, and a 3+ character search is answered through the trigram GIN indexes.</summary>
[Trait("Provider", "Postgres")]
public sealed class PostgresSearchIndexTests
{
    [PostgresFact]
    public async Task Japanese_text_yields_trigrams_and_three_character_queries_use_the_trigram_indexes()
    {
        using var factory = new SalonApiFactory();
        _ = factory.Services;

        var plan = await factory.WithDbAsync(async db =>
        {
            var trigrams = await db.Database.SqlQueryRaw<int>("SELECT coalesce(array_length(show_trgm('主治医に相談'), 1), 0) AS \"Value\"").SingleAsync();
            Assert.True(trigrams > 0, "pg_trgm extracts no trigrams from Japanese: the database needs a UTF-8 LC_CTYPE");

            // The statement the search runs (3+ characters, two query forms, relevance, second page), with the
            // planner told to avoid scans it could otherwise prefer on a nearly empty table.
            var sql = PostgresPostSearch.BuildSql(usesIndex: true, twoForms: true, ranked: true, SearchOrder.Relevance, hasAfter: true);
            var lines = await QueryPlan.LinesAsync(
                db,
                "EXPLAIN " + sql,
                [
                    ("viewer", Guid.NewGuid()), ("limit", 20), ("p1", "%主治医%"), ("p2", "%主治医%"), ("q1", "主治医"), ("q2", "主治医"),
                    ("afterCreatedAt", DateTime.UtcNow), ("afterPostId", Guid.NewGuid()), ("afterRank", -1.0),
                ],
                column: 0,
                setup: "SET enable_seqscan = off");
            return string.Join('\n', lines);
        });

        Assert.Contains($"Bitmap Index Scan on \"{PostgresSalonDbContext.TopicSearchIndex}\"", plan, StringComparison.Ordinal);
        Assert.Contains($"Bitmap Index Scan on \"{PostgresSalonDbContext.ReplySearchIndex}\"", plan, StringComparison.Ordinal);
    }
}
