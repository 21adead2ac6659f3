namespace Salon.Application.Beta.Contracts;

/// <summary>Stands in for Notifications' IDigestSection: the placement rule goes by the interface's name.</summary>
public interface IDigestSection
{
    string Kind { get; }
}
