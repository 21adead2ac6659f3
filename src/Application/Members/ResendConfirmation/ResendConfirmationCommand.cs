using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Validation;
using Salon.Application.Notifications.Contracts;

namespace Salon.Application.Members.ResendConfirmation;

/// <summary>POST /api/auth/resend-confirmation. Always accepted, whether or not the address is registered.</summary>
public sealed record ResendConfirmationCommand(string Email) : ICommand;

public sealed class ResendConfirmationCommandValidator : AbstractValidator<ResendConfirmationCommand>
{
    public ResendConfirmationCommandValidator() => RuleFor(c => c.Email).ValidEmail();
}

public sealed class ResendConfirmationCommandHandler(
    IMembersDb db,
    IIdentityService identity,
    IEmailOutbox outbox,
    IOptions<SalonOptions> options) : ICommandHandler<ResendConfirmationCommand>
{
    public async ValueTask<Unit> Handle(ResendConfirmationCommand command, CancellationToken cancellationToken)
    {
        var account = await identity.FindByEmailAsync(command.Email.Trim(), cancellationToken);
        if (account is null || account.EmailConfirmed)
        {
            return Unit.Value;
        }

        var token = await identity.CreateEmailConfirmationTokenAsync(account.MemberId);
        outbox.Enqueue(MemberEmails.Confirmation(account.MemberId, account.Email, token, options.Value.PublicBaseUrl));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
