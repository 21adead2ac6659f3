using Salon.Application.Alpha.Contracts;

namespace Salon.Domain.Alpha;

/// <summary>Planted (layer rule): the Domain layer uses the Application layer.</summary>
public sealed class DomainUsesApplication
{
    public IAlphaService? Service { get; init; }
}
