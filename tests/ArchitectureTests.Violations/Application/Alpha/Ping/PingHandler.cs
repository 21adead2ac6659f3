using Mediator;

namespace Salon.Application.Alpha.Ping;

/// <summary>Ping's handler, named after it (so it cannot end in QueryHandler).</summary>
public sealed class PingHandler : IQueryHandler<Ping, int>
{
    public ValueTask<int> Handle(Ping query, CancellationToken cancellationToken) => ValueTask.FromResult(query.Value);
}
