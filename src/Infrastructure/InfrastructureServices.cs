using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
#if DEBUG
    internal const bool ThreadSafetyChecks = true;
#else
    internal const bool ThreadSafetyChecks = false;
#endif

    /// <summary>The app's contexts come from a pool (EF Core's context pooling): a request or job scope leases one, bound
    /// to the scope's event dispatcher, and gives it back at the end of the scope. Each new context cost its options
    /// compared against EF Core's cache, an internal service scope of ~100 services resolved, the compiled model looked
    /// up by attribute, and a sixth of a reply's allocations (issue 15, docs/adr/0032); a pooled one has all that
    /// already. Its connection is not kept: EF Core disposes it when the context goes back (docs/adr/0029).
    /// EF Core's check that no two threads use one context at once is on in Debug builds (the tests) and off in Release:
    /// it sets an AsyncLocal on entering and leaving every query and every row read, a fifth of the bytes a small
    /// read allocates (docs/adr/0034).</summary>
    internal static void AddPooledSalonContext<TContext>(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : SalonDbContext
    {
        services.AddPooledDbContextFactory<TContext>((sp, options) =>
        {
            configure(sp, options);
            options.EnableThreadSafetyChecks(ThreadSafetyChecks);
        });
        services.AddScoped<ScopedContext<TContext>>();
        services.AddScoped<SalonDbContext>(sp => sp.GetRequiredService<ScopedContext<TContext>>().Context);
    }

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
            PostgresServices.AddDbContext(services, database.ConnectionString);
        }
        else
        {
            var connectionString = database.SqliteConnectionString();
            // One queue of writers per process.
            var writeGate = new SqliteWriteGate(TimeSpan.FromMilliseconds(database.SqliteBusyTimeoutMilliseconds));
            services.AddSingleton(writeGate);
            // Made once too: it remembers which pooled connections already have their settings (docs/adr/0029).
            var sqliteSettings = new SqliteConnectionInterceptor(database.SqliteBusyTimeoutMilliseconds, writeGate);
            // The log is checkpointed here, not inside a write's COMMIT (docs/adr/0033).
            services.AddSingleton(sp => new SqliteCheckpointer(
                connectionString,
                TimeSpan.FromMilliseconds(Math.Max(10, database.SqliteCheckpointIntervalMilliseconds)),
                Math.Max(1, database.SqliteLogRestartFrames),
                writeGate,
                sp.GetRequiredService<ILogger<SqliteCheckpointer>>()));
            services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
            AddPooledSalonContext<SalonDbContext>(
                services,
                (sp, options) => SqliteConnectionWithoutFunctions.UseIn(options.UseSqlite(connectionString))
                    .AddStatisticsTranslations(sqlite: true)
                    .AddInterceptors(sqliteSettings, ConnectionPerContextInterceptor.Instance, sp.GetRequiredService<SessionCacheInvalidation>()));
        }

        // Keys live in the database, so every instance on one database shares them: a token or cookie
        // protected by one instance is read by another.
        services.AddDataProtection().SetApplicationName("Salon");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new DatabaseKeyRepository(sp)));

        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.AddHangfire((sp, config) =>
        {
            config
                .UseLogProvider(LiveHostsLogProvider.Instance.Add(sp.GetRequiredService<ILoggerFactory>()))
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (provider == DatabaseProvider.Postgres)
            {
                PostgresServices.UseJobStorage(config, database.ConnectionString);
            }
            else
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Guid });
            }
        });
        services.AddSingleton<JobServerStart>();
        if (jobs.ServerEnabled)
        {
            // Started in the background once the instance answers ready, not as hosted services the start waits for.
            DeferredJobServer.Add(services, jobs, deferred => deferred.AddHangfireServer(options =>
            {
                options.WorkerCount = jobs.WorkerCount;
                options.SchedulePollingInterval = TimeSpan.FromSeconds(jobs.SchedulePollSeconds);
            }));
        }

        services.AddScoped<NightlyBackupJob>();
        services.AddSingleton<IRecurringJobRegistrar, BackupRecurringJobs>();

        services.AddMetrics();
        services.AddHostedService<SalonGauges>();
        services.AddSingleton<IJobFilterProvider>(new JobFilterProviderCollection(JobFilterProviders.Providers, new JobFilterCollection { new JobDurationFilter() }));

        services.AddSingleton<MigrationsState>();
        services.AddHealthChecks()
            .AddDbContextCheck<SalonDbContext>("database", tags: ["ready"])
            .AddCheck<PendingMigrationsHealthCheck>("migrations", tags: ["ready"])
            .AddCheck<JobStorageHealthCheck>("job-storage", tags: ["ready"])
            .AddCheck<OutboxBacklogHealthCheck>("outbox-backlog", tags: ["ready"]);
        return services;
    }
}
