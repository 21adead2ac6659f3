using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql;
using Salon.Infrastructure.Persistence.Migrations.Postgres;

namespace Salon.Infrastructure.Persistence.Transfer;

/// <summary>The PostgreSQL database a community moves to. Progress is a table of its own,
/// <c>__SalonMove</c>, written in the same transaction as each batch it records, so an interrupted move
/// resumes after the last batch that committed and copies no row twice. It is dropped when the move has been
/// verified.</summary>
internal sealed class PostgresTarget : IAsyncDisposable
{
    public const string ProgressTable = "__SalonMove";

    private readonly NpgsqlConnection _connection;

    private PostgresTarget(NpgsqlConnection connection, string connectionString)
    {
        _connection = connection;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>Connects to an existing database and takes Salon's start-up advisory lock for the whole move, so an
    /// instance started meanwhile waits instead of seeding into a half-copied database.</summary>
    public static async Task<PostgresTarget> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
            throw new MoveRefusedException(
                $"The database '{builder.Database}' does not exist on {builder.Host}. Create it with a UTF-8 locale first (docs/deploy.md):\n" +
                $"  CREATE DATABASE \"{builder.Database}\" ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0;");
        }

        var target = new PostgresTarget(connection, builder.ConnectionString);
        await target.ExecuteAsync(DatabaseInitializer.LockStartup, cancellationToken);
        return target;
    }

    public async Task<bool> HasProgressAsync(CancellationToken cancellationToken) =>
        await ScalarAsync<bool>($"SELECT to_regclass('{Sql.Quote(ProgressTable)}') IS NOT NULL", cancellationToken);

    /// <summary>The planned tables that exist here and hold at least one row.</summary>
    public async Task<List<string>> TablesWithRowsAsync(MovePlan plan, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        foreach (var table in plan.Tables)
        {
            if (await ScalarAsync<bool>($"SELECT to_regclass('{Sql.Quote(table.Name)}') IS NOT NULL", cancellationToken)
                && await ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {Sql.Quote(table.Name)})", cancellationToken))
            {
                found.Add(table.Name);
            }
        }

        return found;
    }

    public Task DropProgressAsync(CancellationToken cancellationToken) =>
        ExecuteAsync($"DROP TABLE IF EXISTS {Sql.Quote(ProgressTable)}", cancellationToken);

    /// <summary>Empties every planned table (with <c>--replace</c>).</summary>
    public Task EmptyAsync(MovePlan plan, CancellationToken cancellationToken) =>
        ExecuteAsync($"TRUNCATE {string.Join(", ", plan.Tables.Select(t => Sql.Quote(t.Name)))} RESTART IDENTITY CASCADE", cancellationToken);

    /// <summary>Starts a move: one progress row per table, with the source's shape to recognise it on resume.</summary>
    public async Task CreateProgressAsync(IReadOnlyList<(TablePlan Table, long Rows, long MaxRowId)> source, CancellationToken cancellationToken)
    {
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync($"""
            CREATE TABLE {Sql.Quote(ProgressTable)} (
                "TableName" text PRIMARY KEY,
                "SourceRows" bigint NOT NULL,
                "SourceMaxRowId" bigint NOT NULL,
                "LastRowId" bigint NOT NULL,
                "CopiedRows" bigint NOT NULL)
            """, cancellationToken);
        foreach (var (table, rows, maxRowId) in source)
        {
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO {Sql.Quote(ProgressTable)} VALUES (@name, @rows, @max, 0, 0)", _connection);
            insert.Parameters.AddWithValue("name", table.Name);
            insert.Parameters.AddWithValue("rows", rows);
            insert.Parameters.AddWithValue("max", maxRowId);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Dictionary<string, TableProgress>> ProgressAsync(CancellationToken cancellationToken)
    {
        var progress = new Dictionary<string, TableProgress>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(
            $"SELECT \"TableName\", \"SourceRows\", \"SourceMaxRowId\", \"LastRowId\", \"CopiedRows\" FROM {Sql.Quote(ProgressTable)}", _connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            progress[reader.GetString(0)] = new TableProgress(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        return progress;
    }

    /// <summary>Writes one batch with binary COPY and records it, in one transaction.</summary>
    public async Task CopyBatchAsync(TablePlan table, IReadOnlyList<object?[]> rows, long lastRowId, CancellationToken cancellationToken)
    {
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        var copy = $"COPY {Sql.Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => c.Quoted))}) FROM STDIN (FORMAT BINARY)";
        await using (var importer = await _connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is { } value)
                    {
                        await importer.WriteAsync(value, table.Columns[i].TargetDbType, cancellationToken);
                    }
                    else
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var record = new NpgsqlCommand(
            $"UPDATE {Sql.Quote(ProgressTable)} SET \"LastRowId\" = @last, \"CopiedRows\" = \"CopiedRows\" + @rows WHERE \"TableName\" = @name", _connection))
        {
            record.Parameters.AddWithValue("last", lastRowId);
            record.Parameters.AddWithValue("rows", (long)rows.Count);
            record.Parameters.AddWithValue("name", table.Name);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Indexes PostgreSQL derives from text (the trigram GIN indexes of search), dropped before the copy
    /// and built once after it: faster than keeping them current row by row.</summary>
    public static IEnumerable<ITableIndex> DerivedIndexes(MovePlan plan) =>
        plan.Tables.SelectMany(t => t.Indexes)
            .Where(i => i.FindAnnotation("Npgsql:IndexMethod")?.Value is string method && method != "btree");

    /// <summary>The search indexes outside the EF model (on functions, or on the topics' side table), with the statements
    /// their migrations create them with.</summary>
    private static IEnumerable<(string Name, string Create)> FunctionIndexes => ReplySearchPendingList.Indexes;

    public async Task DropDerivedIndexesAsync(MovePlan plan, CancellationToken cancellationToken)
    {
        foreach (var name in DerivedIndexes(plan).Select(i => i.Name).Concat(FunctionIndexes.Select(i => i.Name)))
        {
            await ExecuteAsync($"DROP INDEX IF EXISTS {Sql.Quote(name)}", cancellationToken);
        }
    }

    private Task<bool> IndexExistsAsync(string name, CancellationToken cancellationToken) => ScalarAsync<bool>(
        $"SELECT EXISTS (SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = '{name.Replace("'", "''", StringComparison.Ordinal)}')",
        cancellationToken);

    /// <summary>Rebuilds what PostgreSQL derives from the rows: the derived indexes (with the statement the
    /// migrations would use), the identity sequences (next value after the highest copied id) and the planner's
    /// statistics.</summary>
    public async Task RebuildDerivedAsync(MovePlan plan, DbContext model, TextWriter output, CancellationToken cancellationToken)
    {
        var generator = model.GetService<IMigrationsSqlGenerator>();
        var designModel = model.GetService<IDesignTimeModel>().Model;
        foreach (var index in DerivedIndexes(plan))
        {
            if (await IndexExistsAsync(index.Name, cancellationToken))
            {
                continue;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            foreach (var command in generator.Generate([CreateIndexOperation.CreateFrom(index)], designModel))
            {
                await ExecuteAsync(command.CommandText, cancellationToken);
            }

            await output.WriteLineAsync($"  index {index.Name} built in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        }

        // The weekly indexes of characters and pairs and of trigrams are on functions, outside the EF model: built from the
        // migrations' own statements.
        foreach (var (name, create) in FunctionIndexes)
        {
            if (await IndexExistsAsync(name, cancellationToken))
            {
                continue;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await ExecuteAsync(create, cancellationToken);
            await output.WriteLineAsync($"  index {name} built in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        }

        foreach (var table in plan.Tables)
        {
            foreach (var column in table.IdentityColumns)
            {
                var quotedColumn = Sql.Quote(column);
                await ExecuteAsync(
                    $"SELECT setval(pg_get_serial_sequence('{Sql.Quote(table.Name)}', '{column}'), coalesce((SELECT max({quotedColumn}) FROM {Sql.Quote(table.Name)}), 0) + 1, false)",
                    cancellationToken);
            }
        }

        // The topics' side table (migration TopicSearchTexts) is filled by its trigger as the topics are copied.
        foreach (var table in plan.Tables.Select(t => t.Name).Append(TopicSearchTexts.Table))
        {
            await ExecuteAsync($"ANALYZE {Sql.Quote(table)}", cancellationToken);
        }
    }

    public async Task<TableChecksum> ChecksumAsync(TablePlan table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {string.Join(", ", table.Columns.Select(c => c.Quoted))} FROM {Sql.Quote(table.Name)}", _connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await TableChecksum.ComputeAsync(reader, table.Columns.Count, (r, i) => RowReader.Read(r, i, table.Columns[i].TargetType), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.State == System.Data.ConnectionState.Open)
        {
            try
            {
                await ExecuteAsync(DatabaseInitializer.UnlockStartup, CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // The session ends with the connection, and its advisory lock with it.
            }
        }

        await _connection.DisposeAsync();
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
