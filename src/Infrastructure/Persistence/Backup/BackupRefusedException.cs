namespace Salon.Infrastructure.Persistence.Backup;

/// <summary>A backup that must not be used, or an operation that must not start, with the reason.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);
