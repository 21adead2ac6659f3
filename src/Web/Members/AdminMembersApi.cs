using Salon.Web.Api;

namespace Salon.Web.Members;

/// <summary>The admins' member routes (README "Granting roles"): find members by nickname, set their roles.</summary>
public static class AdminMembersRoutes
{
    public static readonly ApiRoute Search = new("GET", "/api/admin/members");
    public static readonly ApiRoute SetRoles = new("PUT", "/api/admin/members/{id}/roles");
}

/// <summary>A member as admins see them to manage roles: never an e-mail address.</summary>
public sealed record MemberForAdmin(Guid Id, string Nickname, IReadOnlyList<string> Roles, bool Suspended, DateTime? SuspendedUntil, DateTime JoinedAt);

public sealed record RolesSet(IReadOnlyList<string> Roles);

public static class AdminMembersApi
{
    /// <summary>The roles an admin can grant, with their words.</summary>
    public static IReadOnlyList<(string Value, string Label, string Help)> Roles { get; } =
    [
        ("moderator", "モデレーター", "確認待ちの対応、利用停止、対応の記録。"),
        ("official", "公式（事務局）", "交流会とお知らせの管理。名前に「公式」が付きます。"),
        ("admin", "管理者", "すべての運営画面と、権限・注意する言葉・集計の管理。"),
    ];

    public static Task<ApiResult<Page<MemberForAdmin>>> SearchMembersAsync(this SalonApiClient api, string? nickname, string? cursor) =>
        api.GetAsync<Page<MemberForAdmin>>(AdminMembersRoutes.Search, query: [new("nickname", nickname), new("cursor", cursor)]);

    public static Task<ApiResult<RolesSet>> SetRolesAsync(this SalonApiClient api, Guid memberId, IReadOnlyList<string> roles) =>
        api.SendAsync<RolesSet>(AdminMembersRoutes.SetRoles, [memberId], new { roles });
}
