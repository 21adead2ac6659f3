using Microsoft.Data.Sqlite;

namespace Salon.Infrastructure.Persistence.Transfer;

/// <summary>The SQLite database being moved, read on one connection inside one write-locked transaction
/// (<c>BEGIN IMMEDIATE</c>): every read of one run sees the same data, and a Salon that is still running
/// cannot write something the move would not copy (its writes wait, then fail, instead of being lost).</summary>
internal sealed class SqliteSource : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private SqliteSource(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public string Path => _connection.DataSource;

    /// <summary>Opens an existing database (never creates one) and takes its write lock.</summary>
    public static async Task<SqliteSource> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (!File.Exists(builder.DataSource))
        {
            throw new MoveRefusedException($"There is no SQLite database at {builder.DataSource} (Database:ConnectionString).");
        }

        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA busy_timeout = 5000;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            SqliteTransaction transaction;
            try
            {
                transaction = connection.BeginTransaction(deferred: false);
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
            {
                throw new MoveRefusedException($"The SQLite database {builder.DataSource} is busy: stop Salon before moving it.");
            }

            return new SqliteSource(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<List<string>> TablesAsync(CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using var command = Command("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    public async Task<List<string>> AppliedMigrationsAsync(CancellationToken cancellationToken)
    {
        var applied = new List<string>();
        if (!(await TablesAsync(cancellationToken)).Contains("__EFMigrationsHistory"))
        {
            return applied;
        }

        await using var command = Command("SELECT MigrationId FROM \"__EFMigrationsHistory\" ORDER BY MigrationId");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }

    /// <summary>Row count and highest rowid: what a resumed move checks to know the source has not changed.</summary>
    public async Task<(long Rows, long MaxRowId)> ShapeAsync(TablePlan table, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT count(*), coalesce(max(rowid), 0) FROM {Sql.Quote(table.Name)}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The next rows after <paramref name="afterRowId"/> in rowid order, as PostgreSQL values.</summary>
    public async Task<(List<object?[]> Rows, long LastRowId)> ReadBatchAsync(TablePlan table, long afterRowId, int size, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"SELECT rowid, {string.Join(", ", table.Columns.Select(c => c.Quoted))} FROM {Sql.Quote(table.Name)} WHERE rowid > $after ORDER BY rowid LIMIT $size");
        command.Parameters.AddWithValue("$after", afterRowId);
        command.Parameters.AddWithValue("$size", size);
        var rows = new List<object?[]>(size);
        var last = afterRowId;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            last = reader.GetInt64(0);
            var row = new object?[table.Columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                var column = table.Columns[i];
                row[i] = column.ToTarget(RowReader.Read(reader, i + 1, column.SourceType));
            }

            rows.Add(row);
        }

        return (rows, last);
    }

    public async Task<TableChecksum> ChecksumAsync(TablePlan table, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {string.Join(", ", table.Columns.Select(c => c.Quoted))} FROM {Sql.Quote(table.Name)}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await TableChecksum.ComputeAsync(reader, table.Columns.Count, (r, i) =>
        {
            // The value as SQLite holds it, independently of the conversion used to copy it, whenever both
            // sides have the same CLR type (today: every column).
            var column = table.Columns[i];
            var value = RowReader.Read(r, i, column.SourceType);
            return column.SourceType == column.TargetType ? value : column.ToTarget(value);
        }, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command;
    }
}
