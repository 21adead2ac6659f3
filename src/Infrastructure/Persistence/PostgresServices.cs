using System.Runtime.CompilerServices;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salon.Infrastructure.Identity;

namespace Salon.Infrastructure.Persistence;

/// <summary>The PostgreSQL-only registrations, apart from <see cref="InfrastructureServices"/>: the runtime loads an
/// assembly when it compiles (or binds, for ReadyToRun code) a method that names one of its types, so only these
/// methods name Npgsql, EF Core's PostgreSQL provider and Hangfire.PostgreSql, and a SQLite instance never loads them
/// (docs/adr/0030).</summary>
internal static class PostgresServices
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void AddDbContext(IServiceCollection services, string connectionString) =>
        // The PostgreSQL context type carries PostgreSQL's migrations; every port resolves SalonDbContext.
        InfrastructureServices.AddPooledSalonContext<PostgresSalonDbContext>(
            services,
            (sp, options) => options
                .UseNpgsql(PostgresConnectionDefaults.Apply(connectionString), npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
                .AddStatisticsTranslations(sqlite: false)
                .AddInterceptors(ConnectionPerContextInterceptor.Instance, GenericPlanInterceptor.Instance, sp.GetRequiredService<SessionCacheInvalidation>()));

    /// <summary>Shared storage: one queue and one set of recurring schedules for every instance, so a recurring job
    /// runs once per schedule, not once per instance (docs/adr/0003).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void UseJobStorage(IGlobalConfiguration config, string connectionString) =>
        config.UsePostgreSqlStorage(
            bootstrap => bootstrap.UseNpgsqlConnection(connectionString),
            new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
                // LISTEN/NOTIFY: an enqueued job (the outbox signal) starts at once, not at the next poll.
                EnableLongPolling = true,
            });
}
