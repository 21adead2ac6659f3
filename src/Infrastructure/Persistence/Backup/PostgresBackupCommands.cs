using Npgsql;

namespace Salon.Infrastructure.Persistence.Backup;

/// <summary>On PostgreSQL, Salon does not copy the database itself: <c>pg_dump</c> and <c>pg_restore</c> do it
/// better (and managed servers have their own backups). These are the exact commands for the configured database,
/// shell-quoted, without the password (libpq reads it from <c>PGPASSWORD</c> or <c>~/.pgpass</c>).</summary>
public static class PostgresBackupCommands
{
    public static string Dump(string connectionString, string file) =>
        $"pg_dump --format=custom --exclude-schema=hangfire --file={Quote(file)} --dbname={Quote(Keywords(connectionString))}";

    public static string Restore(string connectionString, string file) =>
        $"pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error --dbname={Quote(Keywords(connectionString))} {Quote(file)}";

    /// <summary>The libpq form of an Npgsql connection string: host, port, database, user and TLS mode.</summary>
    public static string Keywords(string connectionString)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{key}={(value.Any(c => char.IsWhiteSpace(c) || c is '\'' or '\\') ? "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'" : value)}");
            }
        }

        Add("host", npgsql.Host);
        Add("port", npgsql.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("dbname", npgsql.Database);
        Add("user", npgsql.Username);
        if (npgsql.SslMode != SslMode.Prefer)
        {
            Add("sslmode", npgsql.SslMode.ToString().ToLowerInvariant() switch
            {
                "verifyca" => "verify-ca",
                "verifyfull" => "verify-full",
                var mode => mode,
            });
        }

        return string.Join(' ', parts);
    }

    /// <summary>One POSIX shell word.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
