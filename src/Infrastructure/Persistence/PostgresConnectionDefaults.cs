using System.Data.Common;
using Npgsql;

namespace Salon.Infrastructure.Persistence;

/// <summary>What Salon adds to an operator's Npgsql connection string for its own contexts (docs/adr/0047): statements
/// prepared automatically, so that PostgreSQL parses and plans each of Salon's busy statements once per connection
/// instead of on every execution. A setting the operator wrote (<c>Max Auto Prepare=0</c> turns it off)
/// is kept.
/// <para>And Npgsql's error detail off, whatever the string says: with <c>Include Error Detail</c> on, a unique-key
/// violation carries the key's value (<c>Key ("HeldNickname")=(…) already exists</c>: a nickname, an e-mail address),
/// and EF Core logs a failed save's exception at Error level on its own, even one Salon answers 409. The redaction
/// policy (docs/operations.md) is kept in code, so that a setting cannot reopen it.</para></summary>
public static class PostgresConnectionDefaults
{
    /// <summary>Prepared statements kept per pooled connection, least recently used replaced. Salon has a few hundred
    /// distinct statements, most of them rare; 128 keeps the busy ones (a reply runs 12, a topic list 3, a search a
    /// handful) prepared, and only a statement run five times on a connection is prepared at all.</summary>
    public const int MaxAutoPrepare = 128;

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { IncludeErrorDetail = false };
        if (!Writes(connectionString, nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare)))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        return builder.ConnectionString;
    }

    /// <summary>Does the operator's string set this keyword, in any spelling (<c>Max Auto Prepare</c>, <c>maxautoprepare</c>)?</summary>
    private static bool Writes(string connectionString, string keyword)
    {
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (string key in written.Keys)
        {
            if (string.Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
