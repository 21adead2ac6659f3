using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Persistence;
using Salon.Application.Common.Validation;
using Salon.Application.Members.ConfirmEmail;
using Salon.Domain.Members;

namespace Salon.Application.Members.ConfirmEmailChange;

/// <summary>POST /api/auth/confirm-email-change with the values from the e-mail sent to the new address.
/// A token works once (the change renews the account's security stamp).</summary>
public sealed record ConfirmEmailChangeCommand(Guid UserId, string Email, string Token) : ICommand;

public sealed class ConfirmEmailChangeCommandValidator : AbstractValidator<ConfirmEmailChangeCommand>
{
    public ConfirmEmailChangeCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Token).NotEmpty().MaximumLength(2000);
    }
}

public sealed class ConfirmEmailChangeCommandHandler(IMembersDb db, IIdentityService identity) : ICommandHandler<ConfirmEmailChangeCommand>
{
    public async ValueTask<Unit> Handle(ConfirmEmailChangeCommand command, CancellationToken cancellationToken)
    {
        // The token is checked before anything else, so the answer never tells whether an address
        // belongs to an account (the same 400 for a wrong address, a wrong token or an unknown id), and a wrong link costs a
        // read, not the member's row lock (a write, and on SQLite the one write turn), as for a password reset. It is
        // checked again under the lock, on the account as it is then (docs/adr/0046): one link used twice at once changes
        // the address once, and the other finds the token spent.
        var email = command.Email.Trim();
        if (!await identity.IsChangeEmailTokenValidAsync(command.UserId, email, command.Token))
        {
            throw ConfirmEmailCommandHandler.InvalidToken();
        }

        await db.InTransactionAsync(
            async ct =>
            {
                if (!await MemberRowLock.AcquireAsync(db, command.UserId, ct)
                    || !await identity.ChangeEmailAsync(command.UserId, email, command.Token, ct))
                {
                    throw ConfirmEmailCommandHandler.InvalidToken();
                }

                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException ex) when (db.IsUniqueKeyViolation(ex))
                {
                    throw MemberErrors.EmailUnavailable.Error();
                }
            },
            cancellationToken);
        return Unit.Value;
    }
}
