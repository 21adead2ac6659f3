using FluentValidation;
using Mediator;
using Salon.Application.Common.Persistence;
using Salon.Application.Common.Time;
using Salon.Application.Common.Validation;
using Salon.Application.Members.Sessions;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.ChangePassword;

/// <summary>PUT /api/me/password. Other devices are signed out; this one stays signed in.</summary>
public sealed record ChangePasswordCommand(Guid MemberId, Guid? SessionId, string CurrentPassword, string NewPassword) : ICommand;

public sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator()
    {
        RuleFor(c => c.MemberId).NotEmpty();
        RuleFor(c => c.CurrentPassword).NotEmpty();
        RuleFor(c => c.NewPassword).ValidNewPassword();
    }
}

public sealed class ChangePasswordCommandHandler(IMembersDb db, IIdentityService identity, IEmailOutbox outbox, TimeProvider time)
    : ICommandHandler<ChangePasswordCommand>
{
    public async ValueTask<Unit> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var account = await identity.GetAccountAsync(command.MemberId, cancellationToken) ?? throw SalonException.NotFound();
        var current = await identity.ProvePasswordAsync(command.MemberId, command.CurrentPassword, cancellationToken)
            ?? throw WrongPassword("currentPassword");
        var newPasswordHash = await identity.HashNewPasswordAsync(command.NewPassword, "newPassword");

        // The hashing above is outside the lock; the change is made under it (docs/adr/0046). When the password has changed
        // since it was checked (the same change sent twice at once, or from two devices), the current password given is no
        // longer the account's: the answer a second change would get after the first.
        await db.InTransactionAsync(
            async ct =>
            {
                await MemberRowLock.AcquireAsync(db, command.MemberId, ct);
                if (!await identity.ChangePasswordAsync(current, newPasswordHash, ct))
                {
                    throw WrongPassword("currentPassword");
                }

                await SessionRevocation.RevokeAllAsync(db, command.MemberId, "password-changed", time.UtcNow(), ct, keep: command.SessionId);
                outbox.Enqueue(MemberEmails.PasswordChanged(command.MemberId, account.Email));
                await db.SaveChangesAsync(ct);
            },
            cancellationToken);
        return Unit.Value;
    }

    internal static SalonException WrongPassword(string field) => MemberErrors.PasswordIncorrect.ForField(field);
}
