using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Time;

namespace Salon.Application.Members.CleanUpAccounts;

/// <summary>Daily: removes sign-ups past their expiry (confirmed or not; an unconfirmed sign-up never became a
/// member, so it wrote nothing), and sessions that ended long enough ago (with their refresh tokens).
/// Deletions themselves finish at once when a member leaves, so nothing is left to finish here. Idempotent.</summary>
public sealed record CleanUpAccountsCommand : ICommand<CleanUpAccountsResult>;

public sealed class CleanUpAccountsCommandValidator : AbstractValidator<CleanUpAccountsCommand>;

public sealed class CleanUpAccountsCommandHandler(IMembersDb db, IOptions<RetentionOptions> retention, TimeProvider time)
    : ICommandHandler<CleanUpAccountsCommand, CleanUpAccountsResult>
{
    public async ValueTask<CleanUpAccountsResult> Handle(CleanUpAccountsCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var signUps = await db.SignUps.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);

        var ended = now - retention.Value.EndedSessions;
        var tokens = await db.RefreshTokens.Where(t => t.ExpiresAt < now || t.UsedAt < ended).ExecuteDeleteAsync(cancellationToken);
        var sessions = await db.MemberSessions.Where(s => s.ExpiresAt < ended || s.RevokedAt < ended).ExecuteDeleteAsync(cancellationToken);

        SalonMetrics.RecordCleanup("expired-sign-ups", signUps);
        SalonMetrics.RecordCleanup("ended-sessions", sessions);
        SalonMetrics.RecordCleanup("expired-refresh-tokens", tokens);
        return new CleanUpAccountsResult(signUps, sessions, tokens);
    }
}
