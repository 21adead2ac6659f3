namespace Salon.Application.Beta;

/// <summary>Beta's internal helper: no other module may use it.</summary>
public static class BetaInternal
{
    public static int Compute(int value) => value + 1;
}
