namespace Salon.Infrastructure.Beta;

/// <summary>Beta's infrastructure (named by the planted global using in the project file).</summary>
public sealed class BetaStore
{
}
