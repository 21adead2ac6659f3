using Mediator;

namespace Salon.Application.Alpha.Shared;

/// <summary>The second query in the shared folder.</summary>
public sealed record SecondQuery : IQuery<int>;

public sealed class SecondQueryHandler : IQueryHandler<SecondQuery, int>
{
    public ValueTask<int> Handle(SecondQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(2);
}
