using FluentValidation;
using Mediator;

namespace Salon.Application.Alpha.Injected;

/// <summary>Planted (validators are singletons, so they take nothing and choose their messages per request): the
/// validator takes a service, and its message is a value.</summary>
public sealed record InjectedCommand(int Value) : ICommand<int>;

public sealed class InjectedCommandValidator : AbstractValidator<InjectedCommand>
{
    public InjectedCommandValidator(TimeProvider time)
    {
        RuleFor(c => c.Value).GreaterThan(time.GetUtcNow().Second - 60)
            .WithMessage("too small");
    }
}

public sealed class InjectedCommandHandler : ICommandHandler<InjectedCommand, int>
{
    public ValueTask<int> Handle(InjectedCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(command.Value);
}
