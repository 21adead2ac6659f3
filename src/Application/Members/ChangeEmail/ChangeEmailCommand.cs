using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Validation;
using Salon.Application.Members.ChangePassword;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.ChangeEmail;

/// <summary>PUT /api/me/email: sends a confirmation to the new address; the change takes effect when
/// it is confirmed (POST /api/auth/confirm-email-change). The old address is told, neutrally.</summary>
public sealed record ChangeEmailCommand(Guid MemberId, string NewEmail, string CurrentPassword) : ICommand;

public sealed class ChangeEmailCommandValidator : AbstractValidator<ChangeEmailCommand>
{
    public ChangeEmailCommandValidator()
    {
        RuleFor(c => c.MemberId).NotEmpty();
        RuleFor(c => c.NewEmail).ValidEmail();
        RuleFor(c => c.CurrentPassword).NotEmpty();
    }
}

public sealed class ChangeEmailCommandHandler(
    IMembersDb db,
    IIdentityService identity,
    IEmailOutbox outbox,
    IOptions<SalonOptions> options) : ICommandHandler<ChangeEmailCommand>
{
    public async ValueTask<Unit> Handle(ChangeEmailCommand command, CancellationToken cancellationToken)
    {
        var account = await identity.GetAccountAsync(command.MemberId, cancellationToken) ?? throw SalonException.NotFound();
        if (!await identity.CheckPasswordAsync(command.MemberId, command.CurrentPassword, cancellationToken))
        {
            throw ChangePasswordCommandHandler.WrongPassword("currentPassword");
        }

        var newEmail = command.NewEmail.Trim();
        if (string.Equals(newEmail, account.Email, StringComparison.OrdinalIgnoreCase))
        {
            throw MemberErrors.EmailUnchanged.ForField("newEmail");
        }

        var owner = (await identity.FindByEmailAsync(newEmail, cancellationToken))?.MemberId;
        if (owner is not null)
        {
            // Do not reveal to the caller that the address has an account; tell its owner instead.
            outbox.Enqueue(MemberEmails.AlreadyRegistered(owner.Value, newEmail, options.Value.PublicBaseUrl));
        }
        else
        {
            var token = await identity.CreateChangeEmailTokenAsync(command.MemberId, newEmail);
            outbox.Enqueue(MemberEmails.ChangeEmailConfirmation(command.MemberId, newEmail, token, options.Value.PublicBaseUrl));
        }

        // The current address is told either way: the caller reads it, so a notice sent only when the new address is free
        // would tell them whether someone else's address has an account (ADR 0017).
        outbox.Enqueue(MemberEmails.EmailChangeRequested(command.MemberId, account.Email));

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
