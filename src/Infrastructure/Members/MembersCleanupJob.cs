using Hangfire;
using Mediator;
using Microsoft.Extensions.Logging;
using Salon.Application.Members.CleanUpAccounts;
using Salon.Infrastructure.Jobs;

namespace Salon.Infrastructure.Members;

/// <summary>Thin: sends the accounts clean-up and logs its counts (no personal data).</summary>
public sealed class MembersCleanupJob(IMediator mediator, ILogger<MembersCleanupJob> logger)
{
    public const string RecurringId = "cleanup-accounts";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new CleanUpAccountsCommand(), cancellationToken);
        logger.LogInformation(
            "Accounts clean-up: {SignUps} expired sign-ups, {Sessions} ended sessions, {Tokens} expired refresh tokens removed",
            result.ExpiredSignUps,
            result.EndedSessions,
            result.ExpiredRefreshTokens);
    }
}

/// <summary>The Members module's recurring jobs: the clean-up at 03:00 Japan time.</summary>
public sealed class MembersRecurringJobs : IRecurringJobRegistrar
{
    public void Register(IRecurringJobManager recurringJobs) =>
        recurringJobs.AddOrUpdate<MembersCleanupJob>(
            MembersCleanupJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "0 3 * * *",
            new RecurringJobOptions { TimeZone = RecurringJobsRegistration.Tokyo });
}
