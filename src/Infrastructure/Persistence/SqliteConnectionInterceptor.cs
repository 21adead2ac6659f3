using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Salon.Infrastructure.Persistence;

/// <summary>Per-connection SQLite settings: wait for the write lock instead of failing at once.
/// (WAL is a property of the database file and is set once at start-up.) It also carries the process's
/// <see cref="SqliteWriteGate"/> for the database, which <see cref="SalonDbContext"/> finds among its interceptors.</summary>
public sealed class SqliteConnectionInterceptor(int busyTimeoutMilliseconds, SqliteWriteGate? writeGate = null) : DbConnectionInterceptor
{
    public SqliteWriteGate? WriteGate => writeGate;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string Pragmas => string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
}
