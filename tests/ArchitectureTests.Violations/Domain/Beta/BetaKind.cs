namespace Salon.Domain.Beta;

/// <summary>Beta's own enum: its values are compiled into every caller as numbers.</summary>
public enum BetaKind
{
    One = 1,
    Two = 2,
}
