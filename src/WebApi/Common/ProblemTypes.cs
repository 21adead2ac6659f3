namespace Salon.WebApi.Common;

internal static class ProblemTypes
{
    /// <summary>A stable URI per problem code; clients switch on <c>code</c> or on this.</summary>
    public static string For(string code) => $"urn:salon:problem:{code}";
}
