using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Meetings;
using Salon.Infrastructure.Jobs;
using Salon.Infrastructure.Meetings.Jobs;
using Salon.Infrastructure.Persistence;

namespace Salon.Infrastructure.Meetings;

/// <summary>The Meetings module's infrastructure: its port and the reminder job.</summary>
public static class MeetingsModule
{
    public static IServiceCollection AddMeetingsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMeetingsApplication();
        services.AddScoped<IMeetingsDb>(sp => sp.GetRequiredService<SalonDbContext>());
        services.AddScoped<MeetingRemindersJob>();
        services.AddSingleton<IRecurringJobRegistrar, MeetingsRecurringJobs>();
        return services;
    }
}
