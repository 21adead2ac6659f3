using FluentValidation;
using Mediator;
using Salon.Domain.Common;

namespace Salon.Application.Members.ConfirmEmail;

/// <summary>POST /api/auth/confirm-email. Idempotent: confirming twice is fine.</summary>
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
        var account = await identity.GetAccountAsync(command.UserId, cancellationToken);
        if (account is { EmailConfirmed: true })
        {
            return Unit.Value;
        }

        if (account is null || !await identity.ConfirmEmailAsync(command.UserId, command.Token))
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
