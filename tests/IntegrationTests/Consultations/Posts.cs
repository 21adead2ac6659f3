using System.Net;
using System.Text.Json;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Consultations;

/// <summary>Posting through the API, as a client does.</summary>
public static class Posts
{
    public static async Task<Guid> CreateTopicAsync(
        this HttpClient client,
        TestMember author,
        string board = "chat",
        string title = "はじめて相談します",
        string body = "弟が入院しました。家族としてどう接したらいいのか分かりません。",
        bool anonymous = false,
        bool? repliesWelcome = null,
        string[]? tags = null,
        string? contentWarning = null)
    {
        var response = await client.SendAsAsync(author, HttpMethod.Post, "/api/topics", new { boardSlug = board, title, body, tags = tags ?? [], anonymous, repliesWelcome, contentWarning });
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> ReplyAsync(this HttpClient client, TestMember author, Guid topicId, string body = "うちも同じでした。一人で抱えないでくださいね。", bool anonymous = false)
    {
        var response = await client.SendAsAsync(author, HttpMethod.Post, $"/api/topics/{topicId}/replies", new { body, anonymous });
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> GetTopicAsync(this HttpClient client, TestMember viewer, Guid topicId, string query = "")
    {
        var response = await client.SendAsAsync(viewer, HttpMethod.Get, $"/api/topics/{topicId}{query}");
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> ListAsync(this HttpClient client, TestMember viewer, string url)
    {
        var response = await client.SendAsAsync(viewer, HttpMethod.Get, url);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    public static List<Guid> Ids(this JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
}
