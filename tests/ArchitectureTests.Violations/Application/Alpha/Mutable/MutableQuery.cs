using Mediator;

namespace Salon.Application.Alpha.Mutable;

/// <summary>Planted (messages are immutable): a public setter.</summary>
public sealed class MutableQuery : IQuery<int>
{
    public int Page { get; set; }
}

public sealed class MutableQueryHandler : IQueryHandler<MutableQuery, int>
{
    public ValueTask<int> Handle(MutableQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(query.Page);
}
