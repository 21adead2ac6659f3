using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Salon.Infrastructure.Persistence.Transfer;

/// <summary>Copies a SQLite Salon database into a PostgreSQL database: schema through the PostgreSQL migrations,
/// every table of the model in batches (resumable), then what PostgreSQL derives (search indexes, sequences,
/// statistics), then a check that every table has the same rows on both sides (count and content checksum).
/// See docs/adr/0021-moving-to-postgresql-and-backups.md.</summary>
public static class SqliteToPostgresMove
{
    /// <summary>Returns true when the move finished and verified; false when the check found a difference.
    /// Throws <see cref="MoveRefusedException"/> when it must not start.</summary>
    public static async Task<bool> RunAsync(string sqliteConnectionString, string postgresConnectionString, MoveOptions options, TextWriter output, CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        await using var sourceModel = new SalonDbContext(new DbContextOptionsBuilder<SalonDbContext>().UseSqlite(sqliteConnectionString).Options);
        await using var targetModel = new PostgresSalonDbContext(PostgresSalonDbContext.Configure(new DbContextOptionsBuilder<PostgresSalonDbContext>(), postgresConnectionString).Options);
        var plan = MovePlan.Build(sourceModel, targetModel);

        await using var source = await SqliteSource.OpenAsync(sqliteConnectionString, cancellationToken);
        await CheckSourceAsync(source, sourceModel, plan, cancellationToken);
        var target = new NpgsqlConnectionStringBuilder(postgresConnectionString);
        await output.WriteLineAsync($"Moving {source.Path} to database '{target.Database}' on {target.Host}, {plan.Tables.Count} tables.");

        await using var postgres = await PostgresTarget.OpenAsync(postgresConnectionString, cancellationToken);
        var shapes = new List<(TablePlan Table, long Rows, long MaxRowId)>();
        foreach (var table in plan.Tables)
        {
            var (rows, maxRowId) = await source.ShapeAsync(table, cancellationToken);
            shapes.Add((table, rows, maxRowId));
        }

        var resuming = await PrepareTargetAsync(postgres, targetModel, plan, shapes, options, output, cancellationToken);
        if (!resuming)
        {
            await postgres.CreateProgressAsync(shapes, cancellationToken);
        }

        var phase = Stopwatch.StartNew();
        await postgres.DropDerivedIndexesAsync(plan, cancellationToken);
        await CopyAsync(source, postgres, plan, options, output, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Copied in {phase.Elapsed.TotalSeconds:F1} s"));

        await output.WriteLineAsync("Rebuilding search indexes, sequences and statistics");
        phase.Restart();
        await postgres.RebuildDerivedAsync(plan, targetModel, output, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Rebuilt in {phase.Elapsed.TotalSeconds:F1} s"));

        await output.WriteLineAsync("Checking row counts and content checksums on both sides");
        phase.Restart();
        var differences = new List<string>();
        long rowsMoved = 0;
        foreach (var table in plan.Tables)
        {
            var expected = await source.ChecksumAsync(table, cancellationToken);
            var actual = await postgres.ChecksumAsync(table, cancellationToken);
            rowsMoved += actual.Rows;
            if (expected != actual)
            {
                differences.Add($"  {table.Name}: SQLite {expected}; PostgreSQL {actual}");
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Checked in {phase.Elapsed.TotalSeconds:F1} s"));
        if (differences.Count > 0)
        {
            await output.WriteLineAsync("The check found differences; the target is not ready:");
            foreach (var difference in differences)
            {
                await output.WriteLineAsync(difference);
            }

            return false;
        }

        await postgres.DropProgressAsync(cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Moved and verified {plan.Tables.Count} tables, {rowsMoved:N0} rows, in {total.Elapsed.TotalSeconds:F1} s: counts and checksums are equal."));
        return true;
    }

    /// <summary>The source must be at this version's migration level and hold no table the move does not know.</summary>
    private static async Task CheckSourceAsync(SqliteSource source, SalonDbContext model, MovePlan plan, CancellationToken cancellationToken)
    {
        var known = model.Database.GetMigrations().ToList();
        var applied = await source.AppliedMigrationsAsync(cancellationToken);
        var unknown = applied.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw new MoveRefusedException($"The SQLite database has migrations this version of Salon does not know ({string.Join(", ", unknown)}): move it with the version that last ran it.");
        }

        var pending = known.Except(applied).ToList();
        if (pending.Count > 0)
        {
            throw new MoveRefusedException($"The SQLite database is {pending.Count} migration(s) behind this version of Salon: start Salon once on it (or apply the migrations, docs/deploy.md), stop it, then move.");
        }

        var uncovered = plan.Uncovered(await source.TablesAsync(cancellationToken));
        if (uncovered.Count > 0)
        {
            throw new MoveRefusedException($"The SQLite database has tables this move does not know how to copy ({string.Join(", ", uncovered)}); nothing was copied.");
        }
    }

    /// <summary>Decides between a fresh move, a resumed one and a refusal; migrates the target. Returns true when resuming.</summary>
    private static async Task<bool> PrepareTargetAsync(
        PostgresTarget postgres,
        PostgresSalonDbContext targetModel,
        MovePlan plan,
        List<(TablePlan Table, long Rows, long MaxRowId)> shapes,
        MoveOptions options,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        var resuming = false;
        if (options.Replace)
        {
            await postgres.DropProgressAsync(cancellationToken);
        }
        else if (await postgres.HasProgressAsync(cancellationToken))
        {
            var progress = await postgres.ProgressAsync(cancellationToken);
            var changed = shapes
                .Where(s => !progress.TryGetValue(s.Table.Name, out var p) || p.SourceRows != s.Rows || p.SourceMaxRowId != s.MaxRowId)
                .Select(s => s.Table.Name)
                .ToList();
            if (changed.Count > 0)
            {
                throw new MoveRefusedException(
                    $"The target holds an unfinished move of a different or changed SQLite database ({string.Join(", ", changed)} differ). Run again with --replace to start over.");
            }

            var done = progress.Values.Sum(p => p.CopiedRows);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Resuming the unfinished move: {done:N0} rows were already copied."));
            resuming = true;
        }
        else if (await postgres.TablesWithRowsAsync(plan, cancellationToken) is { Count: > 0 } occupied)
        {
            throw new MoveRefusedException(
                $"The target database already holds Salon data ({string.Join(", ", occupied.Take(5))}{(occupied.Count > 5 ? ", …" : "")}). " +
                "Move into an empty database, or run again with --replace to delete what it holds.");
        }

        await output.WriteLineAsync("Creating the schema with the PostgreSQL migrations");
        await targetModel.Database.MigrateAsync(cancellationToken);
        if (options.Replace)
        {
            await postgres.EmptyAsync(plan, cancellationToken);
        }

        return resuming;
    }

    private static async Task CopyAsync(SqliteSource source, PostgresTarget postgres, MovePlan plan, MoveOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var progress = await postgres.ProgressAsync(cancellationToken);
        var batches = 0;
        foreach (var table in plan.Tables)
        {
            var state = progress[table.Name];
            var copied = state.CopiedRows;
            var lastRowId = state.LastRowId;
            if (state.SourceRows == 0 || copied == state.SourceRows)
            {
                var earlier = copied > 0 ? " (copied earlier)" : "";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {table.Name,-26} {copied,12:N0} rows{earlier}"));
                continue;
            }

            var clock = Stopwatch.StartNew();
            while (true)
            {
                var (rows, last) = await source.ReadBatchAsync(table, lastRowId, options.BatchSize, cancellationToken);
                if (rows.Count == 0)
                {
                    break;
                }

                await postgres.CopyBatchAsync(table, rows, last, cancellationToken);
                lastRowId = last;
                copied += rows.Count;
                batches++;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {table.Name,-26} {copied,12:N0} of {state.SourceRows:N0} rows ({Percent(copied, state.SourceRows)} %, {clock.Elapsed.TotalSeconds:F1} s)"));
                options.AfterBatch?.Invoke(batches);
            }
        }
    }

    private static int Percent(long part, long whole) => whole == 0 ? 100 : (int)(part * 100 / whole);
}
