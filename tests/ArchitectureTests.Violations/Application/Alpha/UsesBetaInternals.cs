using Salon.Application.Beta.Contracts;

namespace Salon.Application.Alpha;

/// <summary>Planted (module isolation, compiled and source): a call into Beta's internal helper, written with its
/// full name. Using Beta's contract is allowed and must not be reported.</summary>
public sealed class UsesBetaInternals(IBetaService beta)
{
    public string Run() => beta.Describe() + Salon.Application.Beta.BetaInternal.Compute(1);
}
