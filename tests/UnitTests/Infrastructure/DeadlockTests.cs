using Microsoft.EntityFrameworkCore;
using Npgsql;
using Salon.Infrastructure.Persistence;

namespace Salon.UnitTests.Infrastructure;

/// <summary>Two saves of the watched words at once on PostgreSQL can insert the same unique words in different orders;
/// the server then fails one with 40P01, which the handler answers 409 like a unique-key violation (a 500 before, seen
/// in CI by SafetyTests.The_watched_words_saved_twice_at_once_never_fail about one run in four).</summary>
public sealed class DeadlockTests
{
    private static DbUpdateException Failure(string sqlState) =>
        new("An error occurred while saving the entity changes.", new PostgresException("failed", "ERROR", "ERROR", sqlState));

    [Fact]
    public void PostgreSQLs_deadlock_is_a_deadlock_and_not_a_unique_key_violation()
    {
        Assert.True(UniqueKeyViolations.IsDeadlock(Failure(PostgresErrorCodes.DeadlockDetected)));
        // As it reaches the handler: EF Core's execution strategy wraps a transient failure.
        Assert.True(UniqueKeyViolations.IsDeadlock(new InvalidOperationException("transient", Failure(PostgresErrorCodes.DeadlockDetected))));
        Assert.False(UniqueKeyViolations.Is(Failure(PostgresErrorCodes.DeadlockDetected)));
    }

    [Fact]
    public void A_unique_key_violation_or_a_serialization_failure_is_not_a_deadlock()
    {
        Assert.False(UniqueKeyViolations.IsDeadlock(Failure(PostgresErrorCodes.UniqueViolation)));
        Assert.False(UniqueKeyViolations.IsDeadlock(Failure(PostgresErrorCodes.SerializationFailure)));
        Assert.False(UniqueKeyViolations.IsDeadlock(new DbUpdateException("no inner exception")));
    }
}
