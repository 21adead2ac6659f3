namespace Salon.Infrastructure.Persistence;

/// <summary>The database engines Salon runs on (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One file, one process: the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several API instances, shared job storage.</summary>
    Postgres,
}
