using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Salon.IntegrationTests.Infrastructure;

public sealed record Tokens(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken);

public sealed record TestMember(Guid Id, string Email, string Password, string Nickname, Tokens Tokens);

/// <summary>Drives the API the way a client does: over HTTP, with JSON.</summary>
public static class ApiClient
{
    private static int _counter;

    public static string UniqueEmail(string prefix = "member") =>
        $"{prefix}{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}@example.com";

    public static object Registration(string email, string nickname, string password = "correct horse battery", string[]? positions = null) => new
    {
        email,
        password,
        nickname,
        familyPositions = positions ?? ["parent"],
        acceptTerms = true,
        consentSensitiveInfo = true,
    };

    public static string UniqueNickname(string prefix = "なまえ") => prefix + Interlocked.Increment(ref _counter).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Registers, confirms through the e-mailed token and signs in.</summary>
    public static async Task<TestMember> SignUpAsync(this SalonApiFactory factory, HttpClient client, string? nickname = null, string[]? positions = null, string? email = null)
    {
        email ??= UniqueEmail();
        nickname ??= UniqueNickname();
        const string password = "correct horse battery";
        var register = await client.PostAsJsonAsync("/api/auth/register", Registration(email, nickname, password, positions));
        await register.ShouldBe(HttpStatusCode.Created);
        var mail = await factory.LatestToAsync(email, "email-confirmation");
        var confirm = await client.PostAsJsonAsync("/api/auth/confirm-email", new { userId = mail.Value("userId"), token = mail.Value("token") });
        await confirm.ShouldBe(HttpStatusCode.NoContent);
        var tokens = await client.LoginAsync(email, password);
        return new TestMember(Guid.Parse(mail.Value("userId")), email, password, nickname, tokens);
    }

    /// <summary>A member made a moderator directly in the database.</summary>
    public static async Task<TestMember> SignUpModeratorAsync(this SalonApiFactory factory, HttpClient client)
    {
        var member = await factory.SignUpAsync(client);
        await factory.WithDbAsync(async db =>
        {
            (await db.Members.FindAsync(member.Id))!.SetRoles(Salon.Domain.Common.MemberRoles.Moderator, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        return member;
    }

    public static async Task<Tokens> LoginAsync(this HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        await response.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    public static HttpRequestMessage Authorized(HttpMethod method, string url, string accessToken, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public static Task<HttpResponseMessage> SendAsAsync(this HttpClient client, TestMember member, HttpMethod method, string url, object? body = null) =>
        client.SendAsync(Authorized(method, url, member.Tokens.AccessToken, body));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());

    /// <summary>Asserts the status, showing the body when it differs.</summary>
    public static async Task ShouldBe(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} {expected} but got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
    }
}
