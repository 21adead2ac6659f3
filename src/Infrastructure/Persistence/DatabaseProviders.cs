namespace Salon.Infrastructure.Persistence;

public static class DatabaseProviders
{
    /// <summary><c>Sqlite</c> or <c>Postgres</c> (also <c>PostgreSQL</c>), case-insensitive; anything else is a
    /// configuration error, reported at start-up rather than falling back silently.</summary>
    public static DatabaseProvider Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException(
            $"Database:Provider '{name}' is not supported; use 'Sqlite' (the default) or 'Postgres'."),
    };
}
