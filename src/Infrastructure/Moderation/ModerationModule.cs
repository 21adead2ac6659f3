using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Moderation;
using Salon.Infrastructure.Jobs;
using Salon.Infrastructure.Moderation.Jobs;
using Salon.Infrastructure.Persistence;

namespace Salon.Infrastructure.Moderation;

/// <summary>The Moderation module's infrastructure: its port, settings and recurring jobs.</summary>
public static class ModerationModule
{
    public static IServiceCollection AddModerationModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModerationApplication();
        services.Configure<SafetyOptions>(configuration.GetSection(SafetyOptions.Section));
        services.AddScoped<IModerationDb>(sp => sp.GetRequiredService<SalonDbContext>());
        services.AddScoped<ModerationSweepJob>();
        services.AddSingleton<IRecurringJobRegistrar, ModerationRecurringJobs>();
        return services;
    }
}
