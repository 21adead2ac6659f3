using System.Globalization;

namespace Salon.Infrastructure.Persistence.Backup;

/// <summary>What a backup file holds, as checked.</summary>
public sealed record BackupCheck(string Path, long Bytes, string LastMigration, int MigrationsBehind, long Members, long Topics, long Replies)
{
    public string Describe()
    {
        var behind = MigrationsBehind > 0 ? $" ({MigrationsBehind} behind this version; applied at the next start)" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Path}: {Bytes / 1024.0 / 1024.0:F1} MiB, integrity ok, migration {LastMigration}{behind}; {Members:N0} members, {Topics:N0} topics, {Replies:N0} replies");
    }
}
