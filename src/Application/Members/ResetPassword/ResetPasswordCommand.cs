using FluentValidation;
using Mediator;
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
        var account = await identity.GetAccountAsync(command.UserId, cancellationToken);
        if (account is null || !await identity.ResetPasswordAsync(command.UserId, command.Token, command.NewPassword))
        {
            throw ConfirmEmailCommandHandler.InvalidToken();
        }

        await SessionRevocation.RevokeAllAsync(db, command.UserId, "password-reset", time.UtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
