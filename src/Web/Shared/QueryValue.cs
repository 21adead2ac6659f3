namespace Salon.Web.Shared;

/// <summary>Query values as the pages read them. Every <c>[SupplyParameterFromQuery]</c> is a string: Blazor answers a
/// value it cannot parse into a typed one (<c>?past=x</c>, <c>?userId=x</c>) with an exception, a server error, and
/// anyone can edit a link. Read through these, a value that does not parse is the same as no value.</summary>
public static class QueryValue
{
    /// <summary>True for <c>true</c> (in any case, as Blazor's own parsing took it); false when absent or anything else.</summary>
    public static bool IsTrue(string? value) => bool.TryParse(value, out var on) && on;

    /// <summary>The id, or null when absent or not a GUID.</summary>
    public static Guid? Id(string? value) => Guid.TryParse(value, out var id) ? id : null;
}
