using Salon.Web.Api;

namespace Salon.Web.Members;

/// <summary>Other members' public profiles and the member's blocks (<c>/api/members/{id}</c>, <c>/api/me/blocks</c>).</summary>
public static class ProfilesRoutes
{
    public static readonly ApiRoute Profile = new("GET", "/api/members/{id}");
    public static readonly ApiRoute Blocks = new("GET", "/api/me/blocks");
    public static readonly ApiRoute Block = new("PUT", "/api/me/blocks/{memberId}");
    public static readonly ApiRoute Unblock = new("DELETE", "/api/me/blocks/{memberId}");
}

/// <summary>What any member may see of another: never the e-mail; <see cref="JoinedAt"/> is a month (<c>2026-11</c>).</summary>
public sealed record PublicProfile(Guid Id, string Nickname, IReadOnlyList<string> FamilyPositions, string Bio, bool IsOfficial, string JoinedAt);

public sealed record BlockedMember(Guid MemberId, string Nickname, DateTime BlockedAt);

public static class ProfilesApi
{
    /// <summary>How many pages of blocks <see cref="HasBlockedAsync"/> reads at most (100 each).</summary>
    private const int MaxBlockPages = 10;

    public static Task<ApiResult<PublicProfile>> ProfileAsync(this SalonApiClient api, Guid id) =>
        api.GetAsync<PublicProfile>(ProfilesRoutes.Profile, [id]);

    public static Task<ApiResult<Page<BlockedMember>>> BlocksAsync(this SalonApiClient api, string? cursor, int? limit = null) =>
        api.GetAsync<Page<BlockedMember>>(ProfilesRoutes.Blocks, query: [new("cursor", cursor), new("limit", limit?.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    public static Task<ApiResult<NoContent>> SetBlockAsync(this SalonApiClient api, Guid memberId, bool on) =>
        api.SendAsync(on ? ProfilesRoutes.Block : ProfilesRoutes.Unblock, [memberId]);

    /// <summary>Whether the member has blocked <paramref name="memberId"/> (the profile does not say, so the list is read).</summary>
    public static async Task<ApiResult<bool>> HasBlockedAsync(this SalonApiClient api, Guid memberId)
    {
        string? cursor = null;
        for (var page = 0; page < MaxBlockPages; page++)
        {
            var blocks = await api.BlocksAsync(cursor, limit: 100);
            if (!blocks.Ok)
            {
                return ApiResult.Failure<bool>(blocks.Problem);
            }

            if (blocks.Value!.Items.Any(b => b.MemberId == memberId))
            {
                return ApiResult.Success(true);
            }

            cursor = blocks.Value.NextCursor;
            if (cursor is null)
            {
                break;
            }
        }

        return ApiResult.Success(false);
    }
}

/// <summary>The family positions the API knows, with the words the pages use for them.</summary>
public static class FamilyPositionNames
{
    public static IReadOnlyList<(string Value, string Label)> All { get; } =
    [
        ("parent", "親"),
        ("sibling", "きょうだい"),
        ("child", "子ども（ヤングケアラーを含む）"),
        ("spouse", "配偶者"),
        ("partner", "パートナー"),
        ("other", "その他"),
    ];

    public static string Label(string value) => All.FirstOrDefault(p => p.Value == value).Label ?? value;

    /// <summary>The short words for lists, charts and the applicants' CSV (「子ども」, 「その他の家族」), in order.</summary>
    public static IReadOnlyList<(string Value, string Label)> ShortLabels { get; } =
    [
        ("parent", "親"),
        ("sibling", "きょうだい"),
        ("child", "子ども"),
        ("spouse", "配偶者"),
        ("partner", "パートナー"),
        ("other", "その他の家族"),
    ];

    public static string ShortLabel(string value) => ShortLabels.FirstOrDefault(p => p.Value == value).Label ?? value;
}
