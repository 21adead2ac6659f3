using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Salon.Application;
using Salon.Application.Common;
using Salon.Infrastructure.Jobs;
using Salon.Infrastructure.Persistence;

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

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!string.Equals(database.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{database.Provider}' is not supported yet; use 'Sqlite'.");
        }

        var connectionString = ResolveSqlitePath(database.ConnectionString, Directory.GetCurrentDirectory());
        services.AddScoped<IDomainEventDispatcher, DomainEventDispatcher>();
        services.AddDbContext<SalonDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqliteConnectionInterceptor(database.SqliteBusyTimeoutMilliseconds)));

        services.AddDataProtection()
            .SetApplicationName("Salon")
            .PersistKeysToDbContext<SalonDbContext>();

        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Guid }));
        if (jobs.ServerEnabled)
        {
            services.AddHangfireServer(options => options.WorkerCount = jobs.WorkerCount);
            services.AddHostedService<RecurringJobsRegistration>();
        }

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

    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        }

        return builder.ToString();
    }
}

/// <summary>Ready only when Hangfire's storage answers.</summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = storage.GetMonitoringApi().Servers();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage is not reachable.", ex));
        }
    }
}
