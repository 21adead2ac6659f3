using Mediator;

namespace Salon.Application.Alpha.Misnamed;

/// <summary>Planted (handler names): MisnamedQuery's handler is not named MisnamedQueryHandler.</summary>
public sealed class MisnamedQueryWorker : IQueryHandler<MisnamedQuery, int>
{
    public ValueTask<int> Handle(MisnamedQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(query.Value);
}
