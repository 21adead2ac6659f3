namespace Salon.Application.Alpha;

/// <summary>Planted (module isolation, source only): Beta's enum named relative to the enclosing namespace
/// (Domain.Beta… inside Salon.Application.Alpha is Salon.Domain.Beta…), with no using at all.</summary>
public static class UsesBetaRelatively
{
    public static int Number() => (int)Domain.Beta.BetaKind.Two;
}
