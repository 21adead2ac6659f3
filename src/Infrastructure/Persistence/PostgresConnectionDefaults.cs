using System.Data.Common;
using Npgsql;

namespace Salon.Infrastructure.Persistence;

/// <summary>What Salon adds to an operator's Npgsql connection string for its own contexts (docs/adr/0047): statements
/// prepared automatically, so that PostgreSQL parses and plans each of Salon's busy statements once per connection
/// instead of on every execution. A setting the operator wrote (<c>Max Auto Prepare=0</c> turns it off)
/// is kept.</summary>
public static class PostgresConnectionDefaults
{
    /// <summary>Prepared statements kept per pooled connection, least recently used replaced. Salon has a few hundred
    /// distinct statements, most of them rare; 128 keeps the busy ones (a reply runs 12, a topic list 3, a search a
    /// handful) prepared, and only a statement run five times on a connection is prepared at all.</summary>
    public const int MaxAutoPrepare = 128;

    public static string Apply(string connectionString)
    {
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (string key in written.Keys)
        {
            if (string.Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare), StringComparison.OrdinalIgnoreCase))
            {
                return connectionString;
            }
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = MaxAutoPrepare }.ConnectionString;
    }
}
