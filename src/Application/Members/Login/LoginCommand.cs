using FluentValidation;
using Mediator;
using Salon.Application.Members.Sessions;

namespace Salon.Application.Members.Login;

/// <summary>POST /api/auth/login.</summary>
public sealed record LoginCommand(string Email, string Password) : ICommand<TokenResponse>;

public sealed class LoginCommandValidator : AbstractValidator<LoginCommand>
{
    public LoginCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(1000);
    }
}

public sealed class LoginCommandHandler(IMembersDb db, PasswordCheck passwords, SessionTokens sessions)
    : ICommandHandler<LoginCommand, TokenResponse>
{
    public async ValueTask<TokenResponse> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var member = await passwords.CheckAsync(command.Email, command.Password, cancellationToken);
        var tokens = sessions.StartSession(member.Id);
        await db.SaveChangesAsync(cancellationToken);
        return tokens;
    }
}
