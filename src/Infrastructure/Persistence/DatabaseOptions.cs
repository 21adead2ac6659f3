using Microsoft.Data.Sqlite;

namespace Salon.Infrastructure.Persistence;

/// <summary>Settings under <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>Postgres</c> (several instances, one server).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>For SQLite, a relative <c>Data Source</c> is resolved against the content root. For PostgreSQL, an
    /// Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>).</summary>
    public string ConnectionString { get; set; } = "Data Source=data/salon.db";

    /// <summary>Apply pending migrations and seed default data at start-up.</summary>
    public bool MigrateAtStartup { get; set; } = true;

    /// <summary>How long a writer waits for SQLite's lock before giving up.</summary>
    public int SqliteBusyTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>How often SQLite's write-ahead log is copied into the database file, in the background (docs/adr/0033).</summary>
    public int SqliteCheckpointIntervalMilliseconds { get; set; } = 100;

    /// <summary>Once SQLite's write-ahead log holds this many frames (pages; 4,096 are 16 MiB), the background checkpoint
    /// takes the write turn for a moment so that the log starts again from its beginning (docs/adr/0038).</summary>
    public long SqliteLogRestartFrames { get; set; } = 4096;

    /// <summary>The SQLite connection string with a relative <c>Data Source</c> made absolute against the working
    /// directory (docs/adr/0007-data-directory-and-content-root.md).</summary>
    public string SqliteConnectionString()
    {
        var builder = new SqliteConnectionStringBuilder(ConnectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, Directory.GetCurrentDirectory());
        }

        return builder.ToString();
    }
}
