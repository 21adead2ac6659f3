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
    /// address that has since got an account: without a valid token nobody learns anything.</summary>
    public async ValueTask<Unit> Handle(ConfirmEmailCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var signUp = await db.SignUps.SingleOrDefaultAsync(s => s.Id == command.UserId, cancellationToken);
        if (signUp is null || !signUp.Accepts(TokenHash.Of(command.Token), now))
        {
            throw InvalidToken();
        }

        if (signUp.ConfirmedAt is not null)
        {
            return Unit.Value;
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

        SalonMetrics.MemberRegistered();
        return Unit.Value;
    }

    internal static SalonException InvalidToken() => MemberErrors.TokenInvalid.ForField("token");
}
