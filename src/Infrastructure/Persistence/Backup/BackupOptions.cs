namespace Salon.Infrastructure.Persistence.Backup;

/// <summary>Settings under <c>Backup</c>: the optional nightly backup of the SQLite database.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where the nightly backups go; empty (the default) turns the nightly backup off.</summary>
    public string Directory { get; set; } = "";

    /// <summary>How many nightly backups to keep; older ones are removed after each new one.</summary>
    public int Keep { get; set; } = 7;
}
