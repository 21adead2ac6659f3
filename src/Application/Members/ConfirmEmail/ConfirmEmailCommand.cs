using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common;
using Salon.Application.Common.Security;
using Salon.Application.Common.Time;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.ConfirmEmail;

/// <summary>POST /api/auth/confirm-email with the id and token from the e-mail. Idempotent: confirming twice with
/// the same token is fine.</summary>
public sealed record ConfirmEmailCommand(Guid UserId, string Token) : ICommand;

public sealed class ConfirmEmailCommandValidator : AbstractValidator<ConfirmEmailCommand>
{
    public ConfirmEmailCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Token).NotEmpty().MaximumLength(2000);
    }
}

public sealed class ConfirmEmailCommandHandler(IMembersDb db, IIdentityService identity, TimeProvider time) : ICommandHandler<ConfirmEmailCommand>
{
    /// <summary>Turns the sign-up into a member with the same id. One answer, 400, for an unknown id, a
    /// sign-up that was never sent a token (its address had an account), a wrong or expired token, and an
    /// address that has since got an account: without a valid token nobody learns anything.
    /// <para>The same link opened several times at once (a double click, a mail client's preview) confirms once: the
    /// confirmation runs under the sign-up's row lock and reads the sign-up again under it, so the others find it
    /// confirmed and answer 204 as a later click would (docs/adr/0046).</para></summary>
    public async ValueTask<Unit> Handle(ConfirmEmailCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var tokenHash = TokenHash.Of(command.Token);
        var signUp = await db.SignUps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == command.UserId, cancellationToken);
        if (signUp is null || !signUp.Accepts(tokenHash, now))
        {
            throw InvalidToken();
        }

        if (signUp.ConfirmedAt is null && await db.InTransactionAsync(ct => ConfirmAsync(command.UserId, tokenHash, now, ct), cancellationToken))
        {
            SalonMetrics.MemberRegistered();
        }

        return Unit.Value;
    }

    /// <summary>True when this request made the member; false when the sign-up was confirmed meanwhile.</summary>
    private async Task<bool> ConfirmAsync(Guid signUpId, string tokenHash, DateTime now, CancellationToken cancellationToken)
    {
        await db.SignUps.Where(s => s.Id == signUpId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, x => x.ExpiresAt), cancellationToken);
        var signUp = await db.SignUps.SingleOrDefaultAsync(s => s.Id == signUpId, cancellationToken);
        if (signUp is null || !signUp.Accepts(tokenHash, now))
        {
            throw InvalidToken();
        }

        if (signUp.ConfirmedAt is not null)
        {
            return false;
        }

        if (await identity.FindByEmailAsync(signUp.Email, cancellationToken) is not null)
        {
            throw InvalidToken();
        }

        var passwordHash = signUp.PasswordHash;
        db.Members.Add(signUp.Confirm(now));
        await identity.CreateAsync(signUp.Id, signUp.Email, passwordHash, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (db.IsUniqueKeyViolation(ex))
        {
            // Another sign-up of the same address was confirmed at the same moment, or a member took the
            // nickname in the instant between this sign-up's check and its commit (ADR 0017).
            throw MemberErrors.SignUpConflict.Error();
        }

        return true;
    }

    internal static SalonException InvalidToken() => MemberErrors.TokenInvalid.ForField("token");
}
