namespace Salon.IntegrationTests.Infrastructure;

/// <summary>A test that needs a PostgreSQL server (several instances on one database, shared job storage).
/// It runs in the PostgreSQL pass of <c>.ci/run</c>; without <c>SALON_TEST_POSTGRES</c> it is reported as
/// skipped, with the reason, never silently passed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!SalonApiFactory.UsesPostgres)
        {
            Skip = $"Needs a PostgreSQL server: set {SalonApiFactory.PostgresVariable} (see .ci/run).";
        }
    }
}
