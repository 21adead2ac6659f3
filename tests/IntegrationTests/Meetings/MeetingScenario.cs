using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Salon.Application.Members.CreateAdmin;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Meetings;

/// <summary>Helpers for meeting tests: an official (the admin made by the CLI verb is also official) and
/// meetings created through the API.</summary>
public static class MeetingScenario
{
    public static async Task<TestMember> CreateOfficialAsync(this SalonApiFactory factory, HttpClient client)
    {
        var email = ApiClient.UniqueEmail("official");
        var nickname = "サロン運営" + Guid.NewGuid().ToString("N")[..4];
        const string password = "an official passphrase";
        var result = await factory.SendAsync(new CreateAdminCommand(email, nickname, password));
        return new TestMember(result.MemberId, email, password, nickname, await client.LoginAsync(email, password));
    }

    public static async Task<TestMember> RefreshAsync(this HttpClient client, TestMember member) =>
        member with { Tokens = await client.LoginAsync(member.Email, member.Password) };

    public static object Offline(DateTime startsAt, int capacity = 5, string[]? eligibility = null, DateTime? deadline = null) => new
    {
        title = "きょうだいの集い",
        description = "同じ立場どうしで、ゆっくり話しましょう。",
        startsAt,
        endsAt = startsAt.AddHours(2),
        format = "offline",
        venue = "杉並区阿佐谷南1-2-3 地域センター 2階 会議室B",
        area = "東京都杉並区",
        capacity,
        eligibility = eligibility ?? [],
        applicationDeadline = deadline,
        feeNote = "参加費無料",
    };

    public static object Online(DateTime startsAt, int capacity = 5) => new
    {
        title = "オンライン交流会",
        description = "はじめての方も歓迎します。",
        startsAt,
        endsAt = startsAt.AddMinutes(90),
        format = "online",
        joinUrl = "https://meet.example.org/salon-secret-room",
        capacity,
    };

    public static async Task<Guid> CreateMeetingAsync(this HttpClient client, TestMember official, object meeting)
    {
        var response = await client.SendAsAsync(official, HttpMethod.Post, "/api/meetings", meeting);
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> ApplyAsync(this HttpClient client, TestMember member, Guid meetingId, string? note = null, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.SendAsAsync(member, HttpMethod.Post, $"/api/meetings/{meetingId}/applications", new { note });
        await response.ShouldBe(expected);
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> GetMeetingAsync(this HttpClient client, TestMember member, Guid meetingId)
    {
        var response = await client.SendAsAsync(member, HttpMethod.Get, $"/api/meetings/{meetingId}");
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    public static async Task<List<JsonElement>> NotificationsAsync(this HttpClient client, TestMember member)
    {
        var response = await client.SendAsAsync(member, HttpMethod.Get, "/api/notifications?limit=100");
        await response.ShouldBe(HttpStatusCode.OK);
        return (await response.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
    }

    public static string? Str(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);
}
