using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salon.Application.Common.Time;

namespace Salon.Infrastructure.Persistence.Backup.Jobs;

/// <summary>The nightly backup (<c>Backup:Directory</c>): <c>salon-YYYY-MM-DD.db</c> (the date in Japan), written
/// and checked by <see cref="SqliteBackup"/>, then all but the newest <c>Backup:Keep</c> removed. Running twice on
/// one day replaces that day's file. On PostgreSQL it only says to use pg_dump. Infrastructure alone (no use case
/// behind it), so it calls <see cref="SqliteBackup"/> rather than sending a command.</summary>
public sealed class NightlyBackupJob(
    IOptions<BackupOptions> backup,
    IOptions<DatabaseOptions> database,
    TimeProvider time,
    ILogger<NightlyBackupJob> logger)
{
    public const string RecurringId = "backup-nightly";

    private const string Prefix = "salon-";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var options = backup.Value;
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            return;
        }

        if (DatabaseProviders.Parse(database.Value.Provider) == DatabaseProvider.Postgres)
        {
            logger.LogWarning("Backup:Directory is set but the database is PostgreSQL: back it up with pg_dump (docs/deploy.md); nothing was written");
            return;
        }

        var directory = Path.GetFullPath(options.Directory);
        var day = JapanTime.ToJst(time.UtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var file = Path.Combine(directory, $"{Prefix}{day}.db");
        var check = await SqliteBackup.BackupAsync(database.Value.SqliteConnectionString(), file, overwrite: true, cancellationToken);

        var removed = 0;
        foreach (var old in Backups(directory).Skip(Math.Max(1, options.Keep)))
        {
            File.Delete(old);
            removed++;
        }

        logger.LogInformation("Nightly backup written to {File} ({Bytes} bytes, integrity ok); {Removed} older backup(s) removed", check.Path, check.Bytes, removed);
    }

    /// <summary>This job's files in <paramref name="directory"/>, newest first (the names sort by date).</summary>
    public static IEnumerable<string> Backups(string directory) => System.IO.Directory.Exists(directory)
        ? System.IO.Directory.GetFiles(directory, Prefix + "????-??-??.db")
            .Where(f => DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(f)[Prefix.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .OrderByDescending(f => f, StringComparer.Ordinal)
        : [];
}
