using FluentValidation;
using Mediator;
using Salon.Domain.Common;

namespace Salon.Application.Members.ConfirmEmail;

/// <summary>POST /api/auth/confirm-email. Idempotent: confirming twice with the same token is fine.</summary>
public sealed record ConfirmEmailCommand(Guid UserId, string Token) : ICommand;

public sealed class ConfirmEmailCommandValidator : AbstractValidator<ConfirmEmailCommand>
{
    public ConfirmEmailCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Token).NotEmpty().MaximumLength(2000);
    }
}

public sealed class ConfirmEmailCommandHandler(IMembersDb db, IIdentityService identity) : ICommandHandler<ConfirmEmailCommand>
{
    public async ValueTask<Unit> Handle(ConfirmEmailCommand command, CancellationToken cancellationToken)
    {
        // No shortcut for confirmed accounts: without a valid token nobody learns an account's state.
        if (!await identity.ConfirmEmailAsync(command.UserId, command.Token))
        {
            throw InvalidToken();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    internal static SalonException InvalidToken() => SalonException.Invalid(
        "token-invalid",
        new LocalizedText("リンクが無効か、有効期限が切れています。もう一度お試しください。", "The link is invalid or has expired. Please try again."),
        "token");
}
