using FluentValidation;
using Mediator;
using Salon.Application.Common.Persistence;
using Salon.Application.Common.Time;
using Salon.Application.Common.Validation;
using Salon.Application.Members.ConfirmEmail;
using Salon.Application.Members.Sessions;

namespace Salon.Application.Members.ResetPassword;

/// <summary>POST /api/auth/reset-password with the userId and token from the e-mail. Lifts any lockout
/// and signs the member out everywhere.</summary>
public sealed record ResetPasswordCommand(Guid UserId, string Token, string NewPassword) : ICommand;

public sealed class ResetPasswordCommandValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Token).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.NewPassword).ValidNewPassword();
    }
}

public sealed class ResetPasswordCommandHandler(IMembersDb db, IIdentityService identity, TimeProvider time)
    : ICommandHandler<ResetPasswordCommand>
{
    public async ValueTask<Unit> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        // The token is checked before the new password is hashed, as Identity's own reset does: only a valid link costs a hash.
        if (!await identity.IsPasswordResetTokenValidAsync(command.UserId, command.Token))
        {
            throw ConfirmEmailCommandHandler.InvalidToken();
        }

        var newPasswordHash = await identity.HashNewPasswordAsync(command.NewPassword, "newPassword");

        // Checked again under the member's row lock, on the account as it is then (docs/adr/0046): one link used several
        // times at once resets the password once, and the others find the token spent, as they would one after the other.
        await db.InTransactionAsync(
            async ct =>
            {
                if (!await MemberRowLock.AcquireAsync(db, command.UserId, ct)
                    || !await identity.ResetPasswordAsync(command.UserId, command.Token, newPasswordHash, ct))
                {
                    throw ConfirmEmailCommandHandler.InvalidToken();
                }

                await SessionRevocation.RevokeAllAsync(db, command.UserId, "password-reset", time.UtcNow(), ct);
                await db.SaveChangesAsync(ct);
            },
            cancellationToken);
        return Unit.Value;
    }
}
