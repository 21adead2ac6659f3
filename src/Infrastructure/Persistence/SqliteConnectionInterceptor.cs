using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Salon.Infrastructure.Persistence;

/// <summary>Per-connection SQLite settings: wait for the write lock instead of failing at once, and never checkpoint the
/// write-ahead log inside a COMMIT (<see cref="SqliteCheckpointer"/> does it in the background, docs/adr/0033), and cut
/// the log file back to <see cref="JournalSizeLimitBytes"/> when it starts again (docs/adr/0038). (WAL is a property of
/// the database file and is set once at start-up.) They are set once per physical connection: Microsoft.Data.Sqlite
/// pools its connections and a setting stays on the connection's handle, so an open that gets a handle already set up
/// runs nothing (issue 15, docs/adr/0029). It also carries the process's
/// <see cref="SqliteWriteGate"/> for the database, which <see cref="SalonDbContext"/> finds among its interceptors.</summary>
public sealed class SqliteConnectionInterceptor(int busyTimeoutMilliseconds, SqliteWriteGate? writeGate = null) : DbConnectionInterceptor
{
    /// <summary>The size SQLite cuts its write-ahead log file back to when a writer starts the log again: after a burst
    /// (an announcement, a migration) the file does not keep its largest size for good (docs/adr/0038).</summary>
    public const long JournalSizeLimitBytes = 64L * 1024 * 1024;

    public SqliteWriteGate? WriteGate => writeGate;

    /// <summary>The native handles already set up (a handle leaves the table when its connection is closed for good).</summary>
    private readonly ConditionalWeakTable<object, object> _configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (AlreadyConfigured(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (AlreadyConfigured(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True when this connection's handle was set up before; otherwise records it (the caller sets it up now;
    /// should that fail, the open fails and the handle is not returned to the pool).</summary>
    private bool AlreadyConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && !_configured.TryAdd(handle, handle);

    private string Pragmas => string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = {JournalSizeLimitBytes};");
}
