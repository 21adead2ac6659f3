using Mediator;

namespace Salon.Application.Alpha.Shared;

/// <summary>Planted (one folder per use case): two queries share the folder Shared.</summary>
public sealed record FirstQuery : IQuery<int>;

public sealed class FirstQueryHandler : IQueryHandler<FirstQuery, int>
{
    public ValueTask<int> Handle(FirstQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(1);
}
