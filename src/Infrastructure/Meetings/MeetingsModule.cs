using Hangfire;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Salon.Application.Meetings;
using Salon.Application.Meetings.SendMeetingReminders;
using Salon.Infrastructure.Jobs;
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

/// <summary>Thin: sends the reminder command and logs how many went out (no names, no meetings).</summary>
public sealed class MeetingRemindersJob(IMediator mediator, ILogger<MeetingRemindersJob> logger)
{
    public const string RecurringId = "meeting-reminders";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var raised = await mediator.Send(new SendMeetingRemindersCommand(), cancellationToken);
        logger.LogInformation("Meeting reminders: {Count} sent", raised);
    }
}

/// <summary>Every 5 minutes, so the 1-hour reminder comes between 55 and 60 minutes before the start.</summary>
public sealed class MeetingsRecurringJobs : IRecurringJobRegistrar
{
    public void Register(IRecurringJobManager recurringJobs) =>
        recurringJobs.AddOrUpdate<MeetingRemindersJob>(
            MeetingRemindersJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "*/5 * * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
}
