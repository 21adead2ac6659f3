using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Salon.Application;
using Salon.Application.Common;
using Salon.Infrastructure.Identity;
using Salon.Infrastructure.Jobs;
using Salon.Infrastructure.Persistence;
using Salon.Infrastructure.Persistence.Backup;
using Salon.Infrastructure.Persistence.Backup.Jobs;

namespace Salon.Infrastructure;

/// <summary>What every module stands on: the database, data protection, jobs, health checks.</summary>
public static class InfrastructureServices
{
    public static IServiceCollection AddSalonInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSalonApplication();
        services.Configure<SalonOptions>(configuration.GetSection(SalonOptions.Section));
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.Configure<BackupOptions>(configuration.GetSection(BackupOptions.Section));

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = DatabaseProviders.Parse(database.Provider);
        services.AddScoped<IDomainEventDispatcher, DomainEventDispatcher>();

        // The bearer-token check's per-instance cache, emptied by any save that ends sessions (ADR 0024).
        services.AddSingleton<SessionCache>();
        services.AddSingleton<SessionCacheInvalidation>();
        // Each context runs on its compiled model (Persistence/CompiledModels, scripts/optimize-model.sh), which EF Core
        // finds by its [assembly: DbContextModel] attribute: building the model from OnModelCreating took ~1 s of every
        // start (docs/adr/0028). Found, not named here, so that the project still builds when the model changed in a way
        // the old generated code no longer compiles against (the script deletes it, builds, regenerates).
        if (provider == DatabaseProvider.Postgres)
        {
            // The PostgreSQL context type carries PostgreSQL's migrations; every port resolves SalonDbContext.
            services.AddDbContext<SalonDbContext, PostgresSalonDbContext>((sp, options) => options
                .UseNpgsql(database.ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
                .AddStatisticsTranslations(sqlite: false)
                .AddInterceptors(ConnectionPerContextInterceptor.Instance, sp.GetRequiredService<SessionCacheInvalidation>()));
        }
        else
        {
            var connectionString = database.SqliteConnectionString();
            // One queue of writers per process (options are built per scope, so the gate is made once here).
            var writeGate = new SqliteWriteGate(TimeSpan.FromMilliseconds(database.SqliteBusyTimeoutMilliseconds));
            // Made once too: it remembers which pooled connections already have their settings (docs/adr/0029).
            var sqliteSettings = new SqliteConnectionInterceptor(database.SqliteBusyTimeoutMilliseconds, writeGate);
            services.AddDbContext<SalonDbContext>((sp, options) => options
                .UseSqlite(connectionString)
                .AddStatisticsTranslations(sqlite: true)
                .AddInterceptors(sqliteSettings, ConnectionPerContextInterceptor.Instance, sp.GetRequiredService<SessionCacheInvalidation>()));
        }

        // Keys live in the database, so every instance on one database shares them: a token or cookie
        // protected by one instance is read by another.
        services.AddDataProtection()
            .SetApplicationName("Salon")
            .PersistKeysToDbContext<SalonDbContext>();

        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.AddHangfire(config =>
        {
            config
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (provider == DatabaseProvider.Postgres)
            {
                // Shared storage: one queue and one set of recurring schedules for every instance, so a
                // recurring job runs once per schedule, not once per instance (docs/adr/0003).
                config.UsePostgreSqlStorage(
                    bootstrap => bootstrap.UseNpgsqlConnection(database.ConnectionString),
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
            else
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Guid });
            }
        });
        if (jobs.ServerEnabled)
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = jobs.WorkerCount;
                options.SchedulePollingInterval = TimeSpan.FromSeconds(jobs.SchedulePollSeconds);
            });
            services.AddHostedService<RecurringJobsRegistration>();
        }

        services.AddScoped<NightlyBackupJob>();
        services.AddSingleton<IRecurringJobRegistrar, BackupRecurringJobs>();

        services.AddMetrics();
        services.AddHostedService<SalonGauges>();
        services.AddSingleton<IJobFilterProvider>(new JobFilterProviderCollection(JobFilterProviders.Providers, new JobFilterCollection { new JobDurationFilter() }));

        services.AddHealthChecks()
            .AddDbContextCheck<SalonDbContext>("database", tags: ["ready"])
            .AddCheck<PendingMigrationsHealthCheck>("migrations", tags: ["ready"])
            .AddCheck<JobStorageHealthCheck>("job-storage", tags: ["ready"])
            .AddCheck<OutboxBacklogHealthCheck>("outbox-backlog", tags: ["ready"]);
        return services;
    }
}
