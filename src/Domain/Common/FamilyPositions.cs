namespace Salon.Domain.Common;

/// <summary>A member's position in the family of the person with mental illness. A member may hold
/// several (a sibling who is also a parent). Stored as flags so queries can test membership with a mask.</summary>
[Flags]
public enum FamilyPositions
{
    None = 0,
    Parent = 1,
    Sibling = 2,
    Child = 4,
    Spouse = 8,
    Partner = 16,
    Other = 32,
}
