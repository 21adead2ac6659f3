using Microsoft.EntityFrameworkCore;
using Salon.Infrastructure.Persistence;

namespace Salon.IntegrationTests.Infrastructure;

/// <summary>Reads a SQLite setting on the context's own connection, opened by EF Core, so with the app's per-connection
/// settings (<see cref="SqliteConnectionInterceptor"/>).</summary>
internal static class SqlitePragma
{
    public static async Task<T> ReadAsync<T>(SalonDbContext db, string name)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
