namespace Salon.Domain.Common;

public static class FamilyPositionNames
{
    private static readonly (FamilyPositions Flag, string Name)[] Table =
    [
        (FamilyPositions.Parent, "parent"),
        (FamilyPositions.Sibling, "sibling"),
        (FamilyPositions.Child, "child"),
        (FamilyPositions.Spouse, "spouse"),
        (FamilyPositions.Partner, "partner"),
        (FamilyPositions.Other, "other"),
    ];

    public static IReadOnlyList<string> All { get; } = Table.Select(t => t.Name).ToArray();

    public static bool IsKnown(string? name) => name is not null && Table.Any(t => t.Name == name);

    public static FamilyPositions Parse(IEnumerable<string> names)
    {
        var result = FamilyPositions.None;
        foreach (var name in names)
        {
            var match = Table.FirstOrDefault(t => t.Name == name);
            if (match.Flag == FamilyPositions.None)
            {
                throw new ArgumentException($"Unknown family position '{name}'.", nameof(names));
            }

            result |= match.Flag;
        }

        return result;
    }

    public static string[] ToNames(FamilyPositions positions) =>
        Table.Where(t => (positions & t.Flag) != 0).Select(t => t.Name).ToArray();
}
