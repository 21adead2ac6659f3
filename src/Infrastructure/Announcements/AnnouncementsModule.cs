using Hangfire;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Salon.Application.Announcements;
using Salon.Application.Announcements.PublishDueAnnouncements;
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

/// <summary>Thin: publishes announcements whose time has come.</summary>
public sealed class PublishAnnouncementsJob(IMediator mediator, ILogger<PublishAnnouncementsJob> logger)
{
    public const string RecurringId = "announcements-publish";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var published = await mediator.Send(new PublishDueAnnouncementsCommand(), cancellationToken);
        if (published > 0)
        {
            logger.LogInformation("Announcements: {Count} published", published);
        }
    }
}

public sealed class AnnouncementsRecurringJobs : IRecurringJobRegistrar
{
    public void Register(IRecurringJobManager recurringJobs) =>
        recurringJobs.AddOrUpdate<PublishAnnouncementsJob>(
            PublishAnnouncementsJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Minutely(),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
}
