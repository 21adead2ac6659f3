using Mediator;

namespace Salon.Application.Alpha.Unvalidated;

/// <summary>Planted (every command has a validator): this command has none.</summary>
public sealed record UnvalidatedCommand(int Value) : ICommand<int>;

public sealed class UnvalidatedCommandHandler : ICommandHandler<UnvalidatedCommand, int>
{
    public ValueTask<int> Handle(UnvalidatedCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(command.Value);
}
