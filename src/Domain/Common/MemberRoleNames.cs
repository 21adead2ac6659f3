namespace Salon.Domain.Common;

public static class MemberRoleNames
{
    public const string Member = "member";
    public const string Moderator = "moderator";
    public const string Official = "official";
    public const string Admin = "admin";

    private static readonly (MemberRoles Flag, string Name)[] Table =
    [
        (MemberRoles.Moderator, Moderator),
        (MemberRoles.Official, Official),
        (MemberRoles.Admin, Admin),
    ];

    public static IReadOnlyList<string> Assignable { get; } = Table.Select(t => t.Name).ToArray();

    public static bool IsAssignable(string? name) => name is not null && Table.Any(t => t.Name == name);

    public static MemberRoles Parse(IEnumerable<string> names)
    {
        var result = MemberRoles.None;
        foreach (var name in names)
        {
            var match = Table.FirstOrDefault(t => t.Name == name);
            if (match.Flag == MemberRoles.None)
            {
                throw new ArgumentException($"Unknown role '{name}'.", nameof(names));
            }

            result |= match.Flag;
        }

        return result;
    }

    /// <summary>All role names including the implicit "member".</summary>
    public static string[] ToNames(MemberRoles roles) =>
        new[] { Member }.Concat(Table.Where(t => (roles & t.Flag) != 0).Select(t => t.Name)).ToArray();
}
