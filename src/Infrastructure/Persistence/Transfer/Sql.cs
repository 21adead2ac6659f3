namespace Salon.Infrastructure.Persistence.Transfer;

/// <summary>Identifiers in SQL (both databases use double quotes).</summary>
internal static class Sql
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
