using Mediator;

namespace Salon.Application.Alpha.Ping;

/// <summary>Planted (message names): a query not named …Query (its handler, named after it, cannot end in
/// QueryHandler either).</summary>
public sealed record Ping(int Value) : IQuery<int>;
