using Salon.Web.Api;

namespace Salon.Web.Safety;

public static class SafetyRoutes
{
    public static readonly ApiRoute Resources = new("GET", "/api/safety/resources");
    public static readonly ApiRoute Screen = new("POST", "/api/safety/screen");
}

public sealed record CrisisLine(string Name, string Phone, string Hours, string? Url, string? Audience, string LastVerified, bool NeedsReverification);

/// <summary>What the API sends with a post (or a screened draft) that looks like a crisis.</summary>
public sealed record Support(string Message, IReadOnlyList<CrisisLine> Resources);

public sealed record Screening(bool Crisis, Support? Support);

public static class SafetyApi
{
    public static Task<ApiResult<IReadOnlyList<CrisisLine>>> CrisisLinesAsync(this SalonApiClient api) =>
        api.GetAsync<IReadOnlyList<CrisisLine>>(SafetyRoutes.Resources);

    public static Task<ApiResult<Screening>> ScreenAsync(this SalonApiClient api, string text) =>
        api.SendAsync<Screening>(SafetyRoutes.Screen, body: new { text });
}
