using Npgsql;
using Salon.Infrastructure.Persistence;
using Salon.Infrastructure.Persistence.Transfer;

namespace Salon.WebApi.Cli;

/// <summary><c>move-to-postgres --to "CONNECTION" [--replace]</c>: the data move of docs/deploy.md.</summary>
internal static class MoveToPostgresVerb
{
    public const string Name = "move-to-postgres";

    public const string Usage = """
        usage: move-to-postgres --to "Host=…;Database=…;Username=…" [--replace] [--batch-size N]

        Stop Salon first, and back up (backup --to FILE). Copies the SQLite database (Database:ConnectionString)
        into the PostgreSQL database named by --to, which must exist (created with a UTF-8 locale, docs/deploy.md):
        creates the schema with the PostgreSQL migrations, copies every table in batches of N rows (default 5000)
        with a progress line per batch, rebuilds the search indexes, sequences and statistics, then checks that
        every table has the same row count and content checksum on both sides.
        Leave the password out of --to and set PGPASSWORD (or use ~/.pgpass) to keep it out of the shell history.

          --replace   the target already holds Salon data (or an unfinished move): delete it and start over
        An interrupted move (error, Ctrl+C) resumes where it stopped when run again with the same options.
        Then set Database__Provider=Postgres and Database__ConnectionString, and start Salon.

        exit codes: 0 moved and verified, 1 refused or failed, 2 usage
        """;

    public static async Task<int> RunAsync(IConfiguration configuration, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken, Action<int>? afterBatch = null)
    {
        var (arguments, to, exit) = await DataVerbs.ParseAsync(args, Usage, "--to", ["--batch-size"], ["--replace"], output, error);
        if (exit is { } code)
        {
            return code;
        }

        var batchSize = 5000;
        if (arguments.Value("--batch-size") is { } size && (!int.TryParse(size, System.Globalization.CultureInfo.InvariantCulture, out batchSize) || batchSize < 1))
        {
            return await DataVerbs.UsageAsync(error, Usage, $"--batch-size must be a positive number, not '{size}'.");
        }

        try
        {
            var target = new NpgsqlConnectionStringBuilder(to);
            if (string.IsNullOrEmpty(target.Host) || string.IsNullOrEmpty(target.Database))
            {
                return await DataVerbs.UsageAsync(error, Usage, "--to must name a Host and a Database.");
            }
        }
        catch (ArgumentException e)
        {
            return await DataVerbs.UsageAsync(error, Usage, "--to is not an Npgsql connection string: " + e.Message);
        }

        var database = DataVerbs.Database(configuration);
        if (DatabaseProviders.Parse(database.Provider) != DatabaseProvider.Sqlite)
        {
            await error.WriteLineAsync("move-to-postgres reads the SQLite database: run it with the configuration of the SQLite installation (Database:Provider is not Sqlite).");
            return 1;
        }

        try
        {
            var options = new MoveOptions { Replace = arguments.Flag("--replace"), BatchSize = batchSize, AfterBatch = afterBatch };
            return await SqliteToPostgresMove.RunAsync(database.SqliteConnectionString(), to, options, output, cancellationToken) ? 0 : 1;
        }
        catch (MoveRefusedException e)
        {
            await error.WriteLineAsync("Move refused: " + e.Message);
            return 1;
        }
        catch (Exception e) when (e is NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException)
        {
            await error.WriteLineAsync($"Move stopped: {e.GetType().Name}: {e.Message}");
            await error.WriteLineAsync("What was copied is kept; run the same command again to resume.");
            return 1;
        }
    }
}
