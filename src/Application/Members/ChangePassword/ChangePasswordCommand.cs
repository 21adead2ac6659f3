using FluentValidation;
using Mediator;
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
        if (!await identity.ChangePasswordAsync(command.MemberId, command.CurrentPassword, command.NewPassword))
        {
            throw WrongPassword("currentPassword");
        }

        await SessionRevocation.RevokeAllAsync(db, command.MemberId, "password-changed", time.UtcNow(), cancellationToken, keep: command.SessionId);
        outbox.Enqueue(MemberEmails.PasswordChanged(command.MemberId, account.Email));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    internal static SalonException WrongPassword(string field) => MemberErrors.PasswordIncorrect.ForField(field);
}
