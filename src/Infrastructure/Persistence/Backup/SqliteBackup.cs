using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Salon.Infrastructure.Persistence.Backup;

/// <summary>Online backup and restore of the SQLite database with SQLite's backup API: the copy is one read
/// transaction, so it is consistent while Salon keeps writing (WAL lets writers go on), and it holds every
/// transaction committed before it started. Every copy is checked (<c>PRAGMA integrity_check</c>, and migrations
/// this version knows) before it is given its name.</summary>
public static class SqliteBackup
{
    /// <summary>Backs the database up to <paramref name="file"/>, written under a temporary name and renamed
    /// once checked, so a file with the final name is always a complete, checked backup.</summary>
    public static async Task<BackupCheck> BackupAsync(string sqliteConnectionString, string file, bool overwrite, CancellationToken cancellationToken = default)
    {
        var live = LivePath(sqliteConnectionString);
        if (!File.Exists(live))
        {
            throw new BackupRefusedException($"There is no SQLite database at {live} (Database:ConnectionString).");
        }

        file = System.IO.Path.GetFullPath(file);
        if (!overwrite && File.Exists(file))
        {
            throw new BackupRefusedException($"{file} already exists; choose another name.");
        }

        if (System.IO.Path.GetDirectoryName(file) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var partial = file + ".partial";
        DeleteWithSidecars(partial);
        try
        {
            await using (var source = await OpenAsync(live, SqliteOpenMode.ReadOnly, cancellationToken))
            await using (var copy = await OpenAsync(partial, SqliteOpenMode.ReadWriteCreate, cancellationToken))
            {
                source.BackupDatabase(copy);

                // One self-contained file: no -wal next to it.
                await ExecuteAsync(copy, "PRAGMA journal_mode = DELETE;", cancellationToken);
            }

            var check = await CheckAsync(partial, cancellationToken);
            File.Move(partial, file, overwrite);
            return check with { Path = file };
        }
        finally
        {
            DeleteWithSidecars(partial);
        }
    }

    /// <summary>Checks a backup file: it opens as SQLite, <c>PRAGMA integrity_check</c> says ok, and every migration
    /// it has applied is one this version knows (it may be behind: start-up applies the rest).</summary>
    public static async Task<BackupCheck> CheckAsync(string file, CancellationToken cancellationToken = default)
    {
        file = System.IO.Path.GetFullPath(file);
        if (!File.Exists(file))
        {
            throw new BackupRefusedException($"{file} does not exist.");
        }

        try
        {
            await using var connection = await OpenAsync(file, SqliteOpenMode.ReadOnly, cancellationToken);
            var problems = await ColumnAsync(connection, "PRAGMA integrity_check;", cancellationToken);
            if (problems is not ["ok"])
            {
                throw new BackupRefusedException($"{file} is damaged (PRAGMA integrity_check: {string.Join("; ", problems.Take(5))}).");
            }

            var tables = await ColumnAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table';", cancellationToken);
            if (!tables.Contains("__EFMigrationsHistory"))
            {
                throw new BackupRefusedException($"{file} is not a Salon database (it has no migration history).");
            }

            var applied = await ColumnAsync(connection, "SELECT MigrationId FROM \"__EFMigrationsHistory\" ORDER BY MigrationId;", cancellationToken);
            var known = KnownMigrations();
            var unknown = applied.Except(known).ToList();
            if (unknown.Count > 0 || applied.Count == 0)
            {
                throw new BackupRefusedException(applied.Count == 0
                    ? $"{file} has no migration applied: it is not a Salon database."
                    : $"{file} was written by a newer version of Salon (migrations {string.Join(", ", unknown)}); restore it with that version.");
            }

            return new BackupCheck(
                file,
                new FileInfo(file).Length,
                applied[^1],
                known.Except(applied).Count(),
                await CountAsync(connection, tables, "Members", cancellationToken),
                await CountAsync(connection, tables, "Topics", cancellationToken),
                await CountAsync(connection, tables, "Replies", cancellationToken));
        }
        catch (SqliteException e)
        {
            throw new BackupRefusedException($"{file} is damaged or not a SQLite database ({e.Message}).");
        }
    }

    /// <summary>Puts a checked backup back as the live database (Salon stopped). What was there is kept next to it
    /// as <c>salon.db.before-restore-…</c> (copied if it still reads, otherwise moved aside with its -wal/-shm).</summary>
    public static async Task<(BackupCheck Restored, string? Previous)> RestoreAsync(string sqliteConnectionString, string file, DateTime utcNow, CancellationToken cancellationToken = default)
    {
        var backup = await CheckAsync(file, cancellationToken);
        var live = LivePath(sqliteConnectionString);
        SqliteConnection.ClearAllPools();
        string? previous = null;
        if (File.Exists(live))
        {
            previous = live + ".before-restore-" + utcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            await SetAsideAsync(live, previous, cancellationToken);
        }
        else if (System.IO.Path.GetDirectoryName(live) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await using (var source = await OpenAsync(backup.Path, SqliteOpenMode.ReadOnly, cancellationToken))
        await using (var target = await OpenAsync(live, SqliteOpenMode.ReadWriteCreate, cancellationToken))
        {
            source.BackupDatabase(target);
            await ExecuteAsync(target, "PRAGMA journal_mode = WAL;", cancellationToken);
            await ExecuteAsync(target, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }

        SqliteConnection.ClearAllPools();
        var restored = await CheckAsync(live, cancellationToken);
        if (restored.LastMigration != backup.LastMigration || restored.Topics != backup.Topics || restored.Members != backup.Members)
        {
            throw new BackupRefusedException($"The restored database differs from the backup ({restored.Describe()}); the previous database is at {previous}.");
        }

        return (restored, previous);
    }

    /// <summary>The database file a SQLite connection string names (relative paths already resolved by configuration).</summary>
    public static string LivePath(string sqliteConnectionString) =>
        System.IO.Path.GetFullPath(new SqliteConnectionStringBuilder(sqliteConnectionString).DataSource);

    private static List<string> KnownMigrations()
    {
        using var model = new SalonDbContext(new DbContextOptionsBuilder<SalonDbContext>().UseSqlite("Data Source=:memory:").Options);
        return model.Database.GetMigrations().ToList();
    }

    private static async Task SetAsideAsync(string live, string previous, CancellationToken cancellationToken)
    {
        try
        {
            await using var current = await OpenAsync(live, SqliteOpenMode.ReadOnly, cancellationToken);
            await using var copy = await OpenAsync(previous, SqliteOpenMode.ReadWriteCreate, cancellationToken);
            current.BackupDatabase(copy);
            await ExecuteAsync(copy, "PRAGMA journal_mode = DELETE;", cancellationToken);
        }
        catch (SqliteException)
        {
            // Too damaged to read: keep its files as they are.
            DeleteWithSidecars(previous);
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(live + suffix))
                {
                    File.Move(live + suffix, previous + suffix);
                }
            }
        }
    }

    private static async Task<SqliteConnection> OpenAsync(string path, SqliteOpenMode mode, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA busy_timeout = 5000;", cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<string>> ColumnAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<long> CountAsync(SqliteConnection connection, List<string> tables, string table, CancellationToken cancellationToken)
    {
        if (!tables.Contains(table))
        {
            return 0;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static void DeleteWithSidecars(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }
}
