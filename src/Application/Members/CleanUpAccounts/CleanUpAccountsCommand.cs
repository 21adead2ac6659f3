using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Time;
using Salon.Domain.Members;

namespace Salon.Application.Members.CleanUpAccounts;

/// <summary>Daily: removes accounts never confirmed within the retention (their credentials go with them),
/// and sessions that ended long enough ago (with their refresh tokens). Deletions themselves finish at once
/// when a member leaves, so nothing is left to finish here. Idempotent.</summary>
public sealed record CleanUpAccountsCommand : ICommand<CleanUpAccountsResult>;

public sealed record CleanUpAccountsResult(int UnconfirmedAccounts, int EndedSessions, int ExpiredRefreshTokens);

public sealed class CleanUpAccountsCommandValidator : AbstractValidator<CleanUpAccountsCommand>;

public sealed class CleanUpAccountsCommandHandler(IMembersDb db, IIdentityService identity, IOptions<RetentionOptions> retention, TimeProvider time)
    : ICommandHandler<CleanUpAccountsCommand, CleanUpAccountsResult>
{
    public async ValueTask<CleanUpAccountsResult> Handle(CleanUpAccountsCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var unconfirmed = await identity.UnconfirmedCreatedBeforeAsync(now - retention.Value.UnconfirmedAccounts, cancellationToken);

        // Member rows cascade to credentials, sessions, tokens and blocks. An unconfirmed account cannot sign in, so it wrote nothing.
        var accounts = await db.Members.Where(m => unconfirmed.Contains(m.Id) && m.Status != MemberStatus.Deleted).ExecuteDeleteAsync(cancellationToken);

        var ended = now - retention.Value.EndedSessions;
        var tokens = await db.RefreshTokens.Where(t => t.ExpiresAt < now || t.UsedAt < ended).ExecuteDeleteAsync(cancellationToken);
        var sessions = await db.MemberSessions.Where(s => s.ExpiresAt < ended || s.RevokedAt < ended).ExecuteDeleteAsync(cancellationToken);

        SalonMetrics.RecordCleanup("unconfirmed-accounts", accounts);
        SalonMetrics.RecordCleanup("ended-sessions", sessions);
        SalonMetrics.RecordCleanup("expired-refresh-tokens", tokens);
        return new CleanUpAccountsResult(accounts, sessions, tokens);
    }
}
