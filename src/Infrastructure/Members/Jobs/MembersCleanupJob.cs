using Mediator;
using Microsoft.Extensions.Logging;
using Salon.Application.Members.CleanUpAccounts;

namespace Salon.Infrastructure.Members.Jobs;

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
