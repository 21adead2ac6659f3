using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Salon.Application.Members.CreateAdmin;

namespace Salon.BrowserTests.Infrastructure;

/// <summary>Setting the scene over the public API, as another client would (an official creating a meeting,
/// a member posting), so a journey can start where the browser part of it begins.</summary>
public static class ApiCalls
{
    /// <summary>An official (the admin that the create-admin verb makes is also official).</summary>
    public static async Task<Member> CreateOfficialAsync(this WebServer server)
    {
        var member = Members.New("運営");
        await server.SendAsync(new CreateAdminCommand(member.Email, member.Nickname, member.Password));
        return member;
    }

    /// <summary>Calls the API as <paramref name="member"/> (signing in first) and returns the JSON answer.</summary>
    public static async Task<JsonElement> CallAsync(
        this WebServer server, Member member, HttpMethod method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = member.Email, password = member.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Posts a consultation to the parents' board and returns its id.</summary>
    public static async Task<Guid> PostTopicAsync(this WebServer server, Member author, string title, string body, bool anonymous = false)
    {
        var created = await server.CallAsync(author, HttpMethod.Post, "/api/topics", new
        {
            boardSlug = "parents",
            title,
            body,
            tags = Array.Empty<string>(),
            anonymous,
            repliesWelcome = true,
        }, HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    /// <summary>An online 交流会 for five, open to every position, twenty days ahead; returns its id.</summary>
    public static async Task<Guid> CreateMeetingAsync(this WebServer server, Member official, string title)
    {
        var startsAt = DateTime.UtcNow.Date.AddDays(20).AddHours(5);
        var created = await server.CallAsync(official, HttpMethod.Post, "/api/meetings", new
        {
            title,
            description = "説明",
            startsAt,
            endsAt = startsAt.AddHours(2),
            format = "online",
            joinUrl = "https://meet.example.org/abc",
            capacity = 5,
        }, HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> ReplyAsync(this WebServer server, Member author, Guid topicId, string body)
    {
        var created = await server.CallAsync(author, HttpMethod.Post, $"/api/topics/{topicId}/replies", new { body, anonymous = false }, HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }
}
