using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Security;
using Salon.Application.Common.Time;
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
    TimeProvider time,
    IOptions<SalonOptions> options) : ICommandHandler<ResendConfirmationCommand>
{
    /// <summary>A new link for the address's newest pending sign-up (the previous link stops working); nothing
    /// when the address has an account or no pending sign-up.</summary>
    public async ValueTask<Unit> Handle(ResendConfirmationCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var email = command.Email.Trim();
        if (await identity.FindByEmailAsync(email, cancellationToken) is not null
            || await db.SignUps.NewestForAsync(identity.NormalizeEmail(email), now, cancellationToken) is not { } signUp)
        {
            return Unit.Value;
        }

        var token = TokenHash.NewSecret();
        signUp.IssueToken(TokenHash.Of(token), now);
        outbox.Enqueue(MemberEmails.Confirmation(signUp.Id, signUp.Email, token, options.Value.PublicBaseUrl));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
