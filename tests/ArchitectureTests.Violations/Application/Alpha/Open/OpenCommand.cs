using FluentValidation;
using Mediator;

namespace Salon.Application.Alpha.Open;

/// <summary>Planted (handlers are sealed): the handler is not sealed.</summary>
public sealed record OpenCommand(int Value) : ICommand<int>;

public sealed class OpenCommandValidator : AbstractValidator<OpenCommand>
{
    public OpenCommandValidator()
    {
        RuleFor(c => c.Value).GreaterThan(0);
    }
}

public class OpenCommandHandler : ICommandHandler<OpenCommand, int>
{
    public ValueTask<int> Handle(OpenCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(command.Value);
}
