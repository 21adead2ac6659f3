using Salon.Infrastructure.Persistence;
using Salon.Infrastructure.Persistence.Backup;

namespace Salon.WebApi.Cli;

/// <summary><c>backup --to FILE</c>: an online copy of the SQLite database, checked before it gets its name.</summary>
internal static class BackupVerb
{
    public const string Name = "backup";

    public const string Usage = """
        usage: backup --to FILE

        Copies the SQLite database (Database:ConnectionString) to FILE while Salon keeps serving: one consistent
        snapshot holding every write committed before it started. The copy is checked (PRAGMA integrity_check,
        migrations this version knows) and only then given its name; FILE must not exist yet.
        On PostgreSQL it prints the pg_dump command for the configured database instead, and exits with 3.
        Backups hold every post and e-mail address: encrypt them and keep them only as long as needed.

        exit codes: 0 written and checked, 1 failed, 2 usage, 3 PostgreSQL (nothing written)
        """;

    public static async Task<int> RunAsync(IConfiguration configuration, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (_, file, exit) = await DataVerbs.ParseAsync(args, Usage, "--to", [], [], output, error);
        if (exit is { } code)
        {
            return code;
        }

        var database = DataVerbs.Database(configuration);
        if (DatabaseProviders.Parse(database.Provider) == DatabaseProvider.Postgres)
        {
            return await DataVerbs.PrintPostgresCommandAsync(output,
                "The database is PostgreSQL: back it up with pg_dump (password from PGPASSWORD or ~/.pgpass):",
                PostgresBackupCommands.Dump(database.ConnectionString, Path.GetFullPath(file)));
        }

        try
        {
            var check = await SqliteBackup.BackupAsync(database.SqliteConnectionString(), file, overwrite: false, cancellationToken);
            await output.WriteLineAsync("Backup written and checked: " + check.Describe());
            return 0;
        }
        catch (BackupRefusedException e)
        {
            await error.WriteLineAsync("Backup failed: " + e.Message);
            return 1;
        }
    }
}
