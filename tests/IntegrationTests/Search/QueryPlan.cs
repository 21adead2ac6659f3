using Microsoft.EntityFrameworkCore;
using Salon.Infrastructure.Persistence;

namespace Salon.IntegrationTests.Search;

/// <summary>The lines of a query plan, read on the context's own connection (so session settings apply).</summary>
internal static class QueryPlan
{
    /// <summary>Runs <paramref name="explain"/> (an <c>EXPLAIN …</c> statement) with the parameters, after the optional
    /// <paramref name="setup"/> statement, and returns column <paramref name="column"/> of every row.</summary>
    public static async Task<List<string>> LinesAsync(
        SalonDbContext db, string explain, IEnumerable<(string Name, object Value)> parameters, int column, string? setup = null)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            if (setup is not null)
            {
                await db.Database.ExecuteSqlRawAsync(setup);
            }

            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = explain;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(column));
            }

            return lines;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
