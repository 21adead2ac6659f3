using Salon.Domain.Beta;
using static Salon.Domain.Beta.BetaNames;
using BetaText = Salon.Domain.Beta.BetaNames;

namespace Salon.Application.Alpha;

/// <summary>Planted (module isolation, source only): Beta's constants and enum values, which the compiler inlines, so
/// the compiled rule cannot see them. Reached through a using, a using static, an alias and a full name
/// (UsesBetaRelatively shows a name relative to the enclosing namespace).</summary>
public static class UsesBetaConstants
{
    public static string Text() => BetaNames.Placeholder + Placeholder + BetaText.Other;

    public static int Number() => (int)Salon.Domain.Beta.BetaKind.One;
}
