namespace Salon.Domain.Beta;

/// <summary>Beta's own constants: compiled into every caller, so only the source rule sees another module use them.</summary>
public static class BetaNames
{
    public const string Placeholder = "beta";

    public const string Other = "other";
}
