using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Consultations;
using Salon.Application.Consultations.Rules;
using Salon.Infrastructure.Consultations.Jobs;
using Salon.Infrastructure.Consultations.Search;
using Salon.Infrastructure.Jobs;
using Salon.Infrastructure.Persistence;

namespace Salon.Infrastructure.Consultations;

/// <summary>The Consultations module's infrastructure: its port, default boards and tags, and post search.</summary>
public static class ConsultationsModule
{
    public static IServiceCollection AddConsultationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PostingLimitsOptions>(configuration.GetSection(PostingLimitsOptions.Section));
        services.AddConsultationsApplication();
        services.AddScoped<IConsultationsDb>(sp => sp.GetRequiredService<SalonDbContext>());
        services.AddScoped<IDataSeeder, DefaultBoardsSeeder>();
        if (DatabaseProviders.Parse(configuration[DatabaseOptions.Section + ":" + nameof(DatabaseOptions.Provider)]) == DatabaseProvider.Postgres)
        {
            services.AddScoped<IPostSearch, PostgresPostSearch>();
        }
        else
        {
            services.AddScoped<IPostSearch, SqlitePostSearch>();
        }

        services.AddScoped<PurgeRemovedPostsJob>();
        services.AddSingleton<IRecurringJobRegistrar, ConsultationsRecurringJobs>();
        return services;
    }
}
