using Salon.Infrastructure.Persistence;
using Salon.Infrastructure.Persistence.Backup;

namespace Salon.WebApi.Cli;

/// <summary><c>restore --from FILE</c>: checks a backup, then puts it back as the live SQLite database.</summary>
internal static class RestoreVerb
{
    public const string Name = "restore";

    public const string Usage = """
        usage: restore --from FILE

        Stop Salon first. Checks FILE (PRAGMA integrity_check, migrations this version knows; a backup from an
        older version is fine, start-up applies the rest) and only then puts it back as the SQLite database
        (Database:ConnectionString). The database it replaces is kept next to it as
        salon.db.before-restore-YYYYMMDD-HHMMSS: delete it once the restore is confirmed.
        On PostgreSQL it prints the pg_restore command for the configured database instead, and exits with 3.

        exit codes: 0 restored, 1 refused or failed (nothing replaced unless it says so), 2 usage, 3 PostgreSQL
        """;

    public static async Task<int> RunAsync(IConfiguration configuration, IReadOnlyList<string> args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        var (_, file, exit) = await DataVerbs.ParseAsync(args, Usage, "--from", [], [], output, error);
        if (exit is { } code)
        {
            return code;
        }

        var database = DataVerbs.Database(configuration);
        if (DatabaseProviders.Parse(database.Provider) == DatabaseProvider.Postgres)
        {
            return await DataVerbs.PrintPostgresCommandAsync(output,
                "The database is PostgreSQL: stop every Salon instance, then restore the pg_dump file with pg_restore\n" +
                "(it replaces what the configured database holds; password from PGPASSWORD or ~/.pgpass):",
                PostgresBackupCommands.Restore(database.ConnectionString, Path.GetFullPath(file)));
        }

        try
        {
            var (restored, previous) = await SqliteBackup.RestoreAsync(database.SqliteConnectionString(), file, time.GetUtcNow().UtcDateTime, cancellationToken);
            await output.WriteLineAsync("Restored and checked: " + restored.Describe());
            if (previous is not null)
            {
                await output.WriteLineAsync($"The database it replaced is kept at {previous}; delete it once you are sure.");
            }

            return 0;
        }
        catch (BackupRefusedException e)
        {
            await error.WriteLineAsync("Restore refused: " + e.Message);
            return 1;
        }
    }
}
