using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Salon.BrowserTests.Infrastructure;

/// <summary>Consultations written over the API, for journeys about reading them (the posting pages have their own).</summary>
public static class Topics
{
    /// <summary>Signs <paramref name="author"/> in over the API and posts a consultation on the parents' board; returns its id.</summary>
    public static async Task<Guid> PostTopicAsync(this WebServer server, Member author, string title, bool anonymous)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = author.Email, password = author.Password });
        login.EnsureSuccessStatusCode();
        var tokens = await login.Content.ReadFromJsonAsync<TokenBody>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens!.AccessToken);
        var created = await http.PostAsJsonAsync("/api/topics", new
        {
            boardSlug = "parents",
            title,
            body = "息子が退院してから、家での接し方に悩んでいます。みなさんはどうしていますか。",
            tags = Array.Empty<string>(),
            anonymous,
            repliesWelcome = true,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<CreatedBody>())!.Id;
    }

    private sealed record TokenBody(string AccessToken);

    private sealed record CreatedBody(Guid Id);
}
