using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Validation;
using Salon.Application.Notifications.Contracts;

namespace Salon.Application.Members.ForgotPassword;

/// <summary>POST /api/auth/forgot-password. The answer is the same whether or not the address is registered.</summary>
public sealed record ForgotPasswordCommand(string Email) : ICommand;

public sealed class ForgotPasswordCommandValidator : AbstractValidator<ForgotPasswordCommand>
{
    public ForgotPasswordCommandValidator() => RuleFor(c => c.Email).ValidEmail();
}

public sealed class ForgotPasswordCommandHandler(
    IMembersDb db,
    IIdentityService identity,
    IEmailOutbox outbox,
    IOptions<SalonOptions> options) : ICommandHandler<ForgotPasswordCommand>
{
    public async ValueTask<Unit> Handle(ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        var account = await identity.FindByEmailAsync(command.Email.Trim(), cancellationToken);
        if (account is null)
        {
            return Unit.Value;
        }

        var token = await identity.CreatePasswordResetTokenAsync(account.MemberId);
        outbox.Enqueue(MemberEmails.PasswordReset(account.MemberId, account.Email, token, options.Value.PublicBaseUrl));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
