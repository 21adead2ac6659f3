using System.Net.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace Salon.BrowserTests.Infrastructure;

public sealed record Member(string Email, string Password, string Nickname);

/// <summary>Members for journeys that start signed in: registered and confirmed over the API (the sign-up
/// pages have their own journey), then signed in through the sign-in page like anyone else.</summary>
public static class Members
{
    public const string Password = "correct horse battery";
    private static int _counter;

    public static Member New(string prefix)
    {
        var n = Interlocked.Increment(ref _counter);
        return new Member($"{prefix}{n}-{Guid.NewGuid():N}@example.com", Password, $"{prefix}{n}{Random.Shared.Next(100, 999)}");
    }

    public static async Task<Member> RegisterAsync(this WebServer server, string prefix, string position = "parent")
    {
        var member = New(prefix);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var register = await http.PostAsJsonAsync("/api/auth/register", new
        {
            email = member.Email,
            password = member.Password,
            nickname = member.Nickname,
            familyPositions = new[] { position },
            acceptTerms = true,
            consentSensitiveInfo = true,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, register.StatusCode);
        var link = await server.LinkFromLatestMailAsync(member.Email, "email-confirmation", "/confirm-email");
        var query = QueryHelpers.ParseQuery(new Uri(server.BaseAddress, link).Query);
        var confirm = await http.PostAsJsonAsync("/api/auth/confirm-email", new { userId = query["userId"].ToString(), token = query["token"].ToString() });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, confirm.StatusCode);
        return member;
    }

    public static async Task SignInAsync(this IPage page, Member member)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("メールアドレス").FillAsync(member.Email);
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(member.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{member.Nickname}さん、こんにちは");
    }
}
