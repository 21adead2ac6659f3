using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Salon.IntegrationTests.Infrastructure;
using Salon.IntegrationTests.Meetings;

namespace Salon.IntegrationTests.Platform;

/// <summary>Times near year 1 or 9999 (robustness review, session 30, items 1 and 4): every time a client sends is
/// refused outside 2000-01-01…2999-12-31 with a field error, and rows stored before that rule (written here
/// straight to the database) are still shown. Each test answered 500 before its fix.</summary>
public sealed class FarTimeTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    /// <summary>Within 9 hours of <see cref="DateTime.MaxValue"/>: its Japan time cannot be represented.</summary>
    private static readonly DateTime LastSecond = new(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc);

    private readonly HttpClient _client = factory.CreateClient();

    private static DateTime Start => DateTime.UtcNow.Date.AddDays(30).AddHours(10);

    private static object Meeting(object startsAt, object endsAt, object? applicationDeadline = null) => new
    {
        title = "遠い日の交流会",
        description = "d",
        startsAt,
        endsAt,
        format = "online",
        joinUrl = "https://meet.example.org/far",
        capacity = 5,
        eligibility = Array.Empty<string>(),
        applicationDeadline,
    };

    /// <summary>Asserts a 400 with an error on <paramref name="field"/> that names the allowed days.</summary>
    private static async Task ShouldRefuseAsync(HttpResponseMessage response, string field, string message = "日時は2000-01-01から2999-12-31までの間にしてください。")
    {
        await response.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error on {field}: {errors}");
        Assert.Equal(message, messages[0].GetString());
    }

    [Fact]
    public async Task Meeting_times_outside_the_years_2000_to_2999_are_refused_field_by_field_on_create_and_edit()
    {
        var official = await factory.CreateOfficialAsync(_client);
        var member = await factory.SignUpAsync(_client);

        // The 24-hour rule added a day to the start and overflowed; a start a day earlier was stored and broke the list.
        await ShouldRefuseAsync(await _client.SendAsAsync(official, HttpMethod.Post, "/api/meetings", Meeting("9999-12-31T20:00:00Z", "9999-12-31T21:00:00Z")), "startsAt");
        await ShouldRefuseAsync(await _client.SendAsAsync(official, HttpMethod.Post, "/api/meetings", Meeting("9999-12-30T23:00:00Z", "9999-12-31T22:00:00Z")), "startsAt");
        await ShouldRefuseAsync(await _client.SendAsAsync(official, HttpMethod.Post, "/api/meetings", Meeting("2999-12-31T20:00:00Z", "3000-01-01T01:00:00Z")), "endsAt");
        await ShouldRefuseAsync(await _client.SendAsAsync(official, HttpMethod.Post, "/api/meetings", Meeting(Start, Start.AddHours(2), "0001-01-01T00:00:00Z")), "applicationDeadline");
        var list = await _client.SendAsAsync(member, HttpMethod.Get, "/api/meetings");
        await list.ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain("遠い日の交流会", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var id = await _client.CreateMeetingAsync(official, Meeting(Start, Start.AddHours(2)));
        await ShouldRefuseAsync(await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/meetings/{id}", new { startsAt = "9999-12-31T20:00:00Z", endsAt = "9999-12-31T21:00:00Z" }), "startsAt");
        await ShouldRefuseAsync(await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/meetings/{id}", new { endsAt = "9999-12-31T21:00:00Z" }), "endsAt");
        await ShouldRefuseAsync(await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/meetings/{id}", new { applicationDeadline = "0001-01-01T00:00:00Z" }), "applicationDeadline");

        // The bound itself is allowed, and a meeting may last exactly 24 hours.
        await _client.CreateMeetingAsync(official, Meeting("2999-12-30T23:59:59Z", "2999-12-31T23:59:59Z"));
    }

    [Fact]
    public async Task A_meeting_stored_near_year_9999_is_still_listed_shown_and_editable()
    {
        var official = await factory.CreateOfficialAsync(_client);
        var member = await factory.SignUpAsync(_client);
        var id = await _client.CreateMeetingAsync(official, Meeting(Start, Start.AddHours(2)));
        await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.StartsAt, LastSecond.AddHours(-1))
            .SetProperty(m => m.EndsAt, LastSecond)
            .SetProperty(m => m.ApplicationDeadline, LastSecond.AddHours(-1))));

        var list = await _client.SendAsAsync(member, HttpMethod.Get, "/api/meetings");
        await list.ShouldBe(HttpStatusCode.OK);
        Assert.Contains((await list.JsonAsync()).GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == id);

        var shown = await _client.GetMeetingAsync(member, id);
        Assert.Equal(LastSecond, shown.GetProperty("endsAt").GetDateTime().ToUniversalTime());
        Assert.Equal(9999, shown.GetProperty("endsAtJst").GetDateTimeOffset().Year);

        var edited = await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/meetings/{id}", new { title = "直した交流会" });
        await edited.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("直した交流会", (await edited.JsonAsync()).GetProperty("title").GetString());
        await _client.ApplyAsync(member, id);
    }

    [Fact]
    public async Task An_announcement_publication_time_outside_the_years_2000_to_2999_is_refused()
    {
        var official = await factory.CreateOfficialAsync(_client);
        await ShouldRefuseAsync(await _client.SendAsAsync(official, HttpMethod.Post, "/api/announcements", new { title = "t", body = "b", pinned = false, @public = true, publishAt = "9999-12-31T23:59:59Z" }), "publishAt");
        await ShouldRefuseAsync(await _client.SendAsAsync(official, HttpMethod.Post, "/api/announcements", new { title = "t", body = "b", pinned = false, @public = true, publishAt = "0001-01-01T00:00:00Z" }), "publishAt");

        var created = await _client.SendAsAsync(official, HttpMethod.Post, "/api/announcements", new { title = "t", body = "b", pinned = false, @public = true, publishAt = Start });
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        await ShouldRefuseAsync(await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/announcements/{id}", new { publishAt = "9999-12-31T23:59:59Z" }), "publishAt");
    }

    [Fact]
    public async Task A_suspension_until_outside_the_years_2000_to_2999_is_refused()
    {
        var moderator = await factory.SignUpModeratorAsync(_client);
        var member = await factory.SignUpAsync(_client);
        await ShouldRefuseAsync(await _client.SendAsAsync(moderator, HttpMethod.Post, $"/api/moderation/members/{member.Id}/suspend", new { until = "9999-12-31T23:59:59.9999999Z", reason = "x" }), "until");
        var english = ApiClient.Authorized(HttpMethod.Post, $"/api/moderation/members/{member.Id}/suspend", moderator.Tokens.AccessToken, new { until = "1999-12-31T23:59:59Z", reason = "x" });
        english.Headers.AcceptLanguage.ParseAdd("en");
        await ShouldRefuseAsync(await _client.SendAsync(english), "until", "Times must be between 2000-01-01 and 2999-12-31.");
        await _client.LoginAsync(member.Email, member.Password);

        await (await _client.SendAsAsync(moderator, HttpMethod.Post, $"/api/moderation/members/{member.Id}/suspend", new { until = "2999-12-31T23:59:59Z", reason = "x" })).ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_member_suspended_until_year_9999_before_the_rule_is_told_so_at_sign_in()
    {
        var member = await factory.SignUpAsync(_client);
        await factory.WithDbAsync(async db =>
        {
            (await db.Members.FindAsync(member.Id))!.Suspend(LastSecond, "以前の停止", DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        var login = await _client.PostAsJsonAsync("/api/auth/login", new { email = member.Email, password = member.Password });
        await login.ShouldBe(HttpStatusCode.Forbidden);
        var problem = await login.JsonAsync();
        Assert.Equal("account-suspended", problem.GetProperty("code").GetString());
        Assert.Contains("9999年12月31日", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }
}
