using FluentValidation;
using Mediator;

namespace Salon.Application.Alpha.Good;

/// <summary>A use case that keeps every rule: no rule may report it.</summary>
public sealed record GoodCommand(int Value) : ICommand<int>;

public sealed class GoodCommandValidator : AbstractValidator<GoodCommand>
{
    public GoodCommandValidator()
    {
        RuleFor(c => c.Value).GreaterThan(0);
    }
}

public sealed class GoodCommandHandler : ICommandHandler<GoodCommand, int>
{
    public ValueTask<int> Handle(GoodCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(command.Value);
}
