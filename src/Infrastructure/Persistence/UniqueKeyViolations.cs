using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Salon.Infrastructure.Persistence;

/// <summary>Recognises a unique-key violation on both providers, and nothing else: SQLite's SQLITE_CONSTRAINT (19)
/// with the extended code SQLITE_CONSTRAINT_UNIQUE (2067) or SQLITE_CONSTRAINT_PRIMARYKEY (1555), PostgreSQL's
/// SQLSTATE 23505 (unique_violation, for unique indexes and primary keys alike). Other constraint failures (foreign
/// key, NOT NULL, CHECK, a trigger's abort) share SQLite's primary code 19 and are told apart by the extended code.</summary>
public static class UniqueKeyViolations
{
    public const int SqliteConstraint = 19;
    public const int SqliteConstraintUnique = 2067;
    public const int SqliteConstraintPrimaryKey = 1555;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>PostgreSQL's SQLSTATE 40P01 (deadlock_detected) anywhere in the chain of inner exceptions: the server
    /// failed this save to let another go on.</summary>
    public static bool IsDeadlock(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected })
            {
                return true;
            }
        }

        return false;
    }
}
