namespace Salon.Application.Beta.Contracts;

/// <summary>Beta's published contract: Alpha may use it.</summary>
public interface IBetaService
{
    string Describe();
}
