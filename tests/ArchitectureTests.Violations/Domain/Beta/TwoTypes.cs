namespace Salon.Domain.Beta;

/// <summary>Planted (one type per file): this file declares two top-level types.</summary>
public sealed class TwoTypes
{
}

public sealed class Extra
{
}
