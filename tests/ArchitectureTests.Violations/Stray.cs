namespace Salon.Elsewhere;

/// <summary>Planted (namespace rule, compiled): a type outside every Salon.{Layer} namespace.</summary>
public sealed class Stray
{
}
