using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Persistence;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>A query tagged <see cref="QueryTags.GenericPlan"/> is planned once per connection on PostgreSQL and leaves the
/// connection's setting as it was for the statements after it (docs/adr/0055).</summary>
[Trait("Provider", "Postgres")]
public sealed class GenericPlanTests
{
    [PostgresFact]
    public async Task A_tagged_query_gets_no_custom_plan_and_the_connection_keeps_its_plan_cache_mode()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var member = await factory.SignUpAsync(client);

        var (generic, custom, modeAfter) = await factory.WithDbAsync(async db =>
        {
            // One context, one connection (docs/adr/0029): the statement is prepared on it after a few runs (Npgsql's
            // automatic preparation), and PostgreSQL counts the plans of each prepared statement of the session.
            for (var i = 0; i < 12; i++)
            {
                var ids = await db.Members.AsNoTracking().Where(m => m.Id == member.Id).Select(m => m.Id).TagWith(QueryTags.GenericPlan).ToListAsync();
                Assert.Equal([member.Id], ids);
            }

            var connection = db.Database.GetDbConnection();
            var plans = await ReadAsync(connection, $"SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%{QueryTags.GenericPlan}%'");
            var mode = await ReadAsync(connection, "SHOW plan_cache_mode");
            return (Convert.ToInt64(plans[0], null), Convert.ToInt64(plans[1], null), (string)mode[0]);
        });

        // Left to itself (auto), PostgreSQL plans the first five executions of a prepared statement for their values.
        Assert.Equal(0, custom);
        Assert.InRange(generic, 1, 12);
        Assert.Equal("auto", modeAfter);
    }

    private static async Task<object[]> ReadAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), sql);
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }
}
