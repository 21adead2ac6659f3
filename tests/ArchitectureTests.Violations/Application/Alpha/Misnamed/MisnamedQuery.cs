using Mediator;

namespace Salon.Application.Alpha.Misnamed;

/// <summary>Planted (handler names): its handler, MisnamedQueryWorker, is not named MisnamedQueryHandler.</summary>
public sealed record MisnamedQuery(int Value) : IQuery<int>;
