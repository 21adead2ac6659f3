using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Announcements;
using Salon.Infrastructure.Announcements.Jobs;
using Salon.Infrastructure.Jobs;
using Salon.Infrastructure.Persistence;

namespace Salon.Infrastructure.Announcements;

/// <summary>The Announcements module's infrastructure: its port and the scheduled-publication job.</summary>
public static class AnnouncementsModule
{
    public static IServiceCollection AddAnnouncementsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAnnouncementsApplication();
        services.AddScoped<IAnnouncementsDb>(sp => sp.GetRequiredService<SalonDbContext>());
        services.AddScoped<PublishAnnouncementsJob>();
        services.AddSingleton<IRecurringJobRegistrar, AnnouncementsRecurringJobs>();
        return services;
    }
}
