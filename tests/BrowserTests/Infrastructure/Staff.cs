using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Salon.BrowserTests.Infrastructure;

/// <summary>Staff for the staff-console journeys: roles granted over the API by an admin, as the roles page
/// would (that page has its own journey).</summary>
public static class Staff
{
    public static async Task<Member> RegisterModeratorAsync(this WebServer server, Member admin, string prefix = "見守り")
    {
        var member = await server.RegisterAsync(prefix);
        await server.SetRolesAsync(admin, member, "moderator");
        return member;
    }

    public static async Task SetRolesAsync(this WebServer server, Member admin, Member member, params string[] roles)
    {
        var id = await server.MemberIdAsync(admin, member);
        await server.CallAsync(admin, HttpMethod.Put, $"/api/admin/members/{id}/roles", new { roles });
    }

    /// <summary>The member's id, found by nickname as the roles page finds it (<paramref name="admin"/> asks).</summary>
    public static async Task<Guid> MemberIdAsync(this WebServer server, Member admin, Member member)
    {
        var found = await server.CallAsync(admin, HttpMethod.Get, "/api/admin/members?nickname=" + Uri.EscapeDataString(member.Nickname));
        return found.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("nickname").GetString() == member.Nickname).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> ReportAsync(this WebServer server, Member reporter, Guid postId, string reason, string note)
    {
        var filed = await server.CallAsync(reporter, HttpMethod.Post, "/api/reports", new { postId, reason, note }, HttpStatusCode.Created);
        return filed.ValueKind == JsonValueKind.Object && filed.TryGetProperty("id", out var id) ? id.GetGuid() : Guid.Empty;
    }

    public static ILocator StaffMenu(this IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "運営メニュー" });

    /// <summary>Opens <paramref name="path"/> and expects the API's refusal as the staff pages show it, with status 403.</summary>
    public static async Task ExpectRefusedAsync(this IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.Equal(403, response!.Status);
        await Expect(page.Heading()).ToHaveTextAsync("この画面は運営メンバー専用です");
        await Expect(page.StaffMenu()).ToHaveCountAsync(0);
    }
}
