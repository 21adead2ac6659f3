using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Members.Sessions;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.RefreshTokens;

/// <summary>POST /api/auth/refresh. Rotates the refresh token; presenting a used one again revokes
/// the whole session (it was copied).</summary>
public sealed record RefreshTokensCommand(string RefreshToken) : ICommand<TokenResponse>;

public sealed class RefreshTokensCommandValidator : AbstractValidator<RefreshTokensCommand>
{
    public RefreshTokensCommandValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
}

public sealed class RefreshTokensCommandHandler(IMembersDb db, SessionTokens sessions, TimeProvider time)
    : ICommandHandler<RefreshTokensCommand, TokenResponse>
{
    public async ValueTask<TokenResponse> Handle(RefreshTokensCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var hash = SessionTokens.Hash(command.RefreshToken);
        var token = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken)
            ?? throw Invalid();
        var session = await db.MemberSessions.SingleOrDefaultAsync(s => s.Id == token.SessionId, cancellationToken)
            ?? throw Invalid();

        // Claim the token with a conditional update, so two concurrent refreshes cannot both succeed.
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            session.Revoke("refresh-token-reuse", now);
            await db.SaveChangesAsync(cancellationToken);
            throw Invalid();
        }

        if (!session.IsActiveAt(now) || token.ExpiresAt <= now)
        {
            throw Invalid();
        }

        var member = await db.Members.AsNoTracking()
            .Where(m => m.Id == session.MemberId)
            .Select(m => new { m.Status, m.SuspendedUntil })
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null || member.Status == MemberStatus.Deleted
            || (member.Status == MemberStatus.Suspended && (member.SuspendedUntil is null || member.SuspendedUntil > now)))
        {
            throw Invalid();
        }

        session.Refreshed(now);
        var tokens = sessions.IssueFor(session, now);
        await db.SaveChangesAsync(cancellationToken);
        return tokens;
    }

    private static SalonException Invalid() => MemberErrors.RefreshTokenInvalid.Error();
}
