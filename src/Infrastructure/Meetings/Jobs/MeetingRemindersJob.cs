using Mediator;
using Microsoft.Extensions.Logging;
using Salon.Application.Meetings.SendMeetingReminders;

namespace Salon.Infrastructure.Meetings.Jobs;

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
