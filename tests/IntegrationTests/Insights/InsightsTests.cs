using System.Net;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Salon.Application.Consultations.CreateTopic;
using Salon.Application.Consultations.PostReply;
using Salon.Application.Insights.GetInsightsSummary;
using Salon.Application.Members.CreateAdmin;
using Salon.Application.Members.SetMemberRoles;
using Salon.Application.Moderation.FileReport;
using Salon.Application.Moderation.ResolveModerationItem;
using Salon.IntegrationTests.Infrastructure;
using Salon.IntegrationTests.Meetings;

namespace Salon.IntegrationTests.Insights;

/// <summary>GET /api/insights/summary: aggregates for admins, small counts suppressed, months in Japan.</summary>
public sealed class InsightsTests : IDisposable
{
    // 2025-12-01 09:00 JST.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly CommandCounter _counter = new();
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;

    public InsightsTests()
    {
        _factory = new SalonApiFactory
        {
            Clock = _clock,
            ConfigureTestServices = s => SalonApiFactory.ConfigureDbContext(s, o => o.AddInterceptors(_counter)),
        };
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Only_admins_see_insights()
    {
        var admin = await CreateAdminAsync();
        var member = await _factory.SignUpAsync(_client);
        var moderator = await _factory.SignUpAsync(_client);
        await _factory.SendAsync(new SetMemberRolesCommand(moderator.Id, ["moderator", "official"]));

        await (await _client.GetAsync("/api/insights/summary")).ShouldBe(HttpStatusCode.Unauthorized);
        await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/insights/summary")).ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.SendAsAsync(moderator, HttpMethod.Get, "/api/insights/summary")).ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.SendAsAsync(admin, HttpMethod.Get, "/api/insights/summary")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Months_are_calendar_months_in_Japan_and_counts_under_five_are_suppressed()
    {
        // The admin registers in December, outside the months asked for.
        var adminEmail = ApiClient.UniqueEmail("admin");
        await _factory.SendAsync(new CreateAdminCommand(adminEmail, "サロン運営", "an admin passphrase"));

        // 2026-01-31 23:00 JST (14:00 UTC): January in Japan.
        _clock.SetUtcNow(new DateTimeOffset(2026, 1, 31, 14, 0, 0, TimeSpan.Zero));
        var january = new List<TestMember>();
        for (var i = 0; i < 5; i++)
        {
            january.Add(await _factory.SignUpAsync(_client, positions: i == 0 ? ["sibling", "child"] : ["parent"]));
        }

        await PostTopicAsync(january[0]);
        await PostTopicAsync(january[1]);

        // 2026-02-01 00:30 JST (still 31 January in UTC): February in Japan.
        _clock.SetUtcNow(new DateTimeOffset(2026, 1, 31, 15, 30, 0, TimeSpan.Zero));
        for (var i = 0; i < 6; i++)
        {
            await _factory.SignUpAsync(_client, positions: ["parent"]);
        }

        var admin = new TestMember(Guid.Empty, adminEmail, "an admin passphrase", "admin", await _client.LoginAsync(adminEmail, "an admin passphrase"));
        var summary = await SummaryAsync(admin, "?from=2026-01-01&to=2026-02-28");

        var months = summary.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(["2026-01", "2026-02"], months.Select(m => m.GetProperty("month").GetString()!).ToArray());
        Assert.Equal(5, months[0].GetProperty("registrations").GetInt32());
        Assert.Equal(6, months[1].GetProperty("registrations").GetInt32());
        Assert.Equal("<5", months[0].GetProperty("topics").GetString());
        Assert.Equal(0, months[1].GetProperty("topics").GetInt32());
        Assert.Equal("Asia/Tokyo", summary.GetProperty("timeZone").GetString());

        // Positions: 10 parents, one sibling who is also a child (suppressed), nobody else.
        var positions = summary.GetProperty("membersByFamilyPosition");
        Assert.Equal(10, positions.GetProperty("parent").GetInt32());
        Assert.Equal("<5", positions.GetProperty("sibling").GetString());
        Assert.Equal("<5", positions.GetProperty("child").GetString());
        Assert.Equal(0, positions.GetProperty("spouse").GetInt32());

        // Two members wrote: fewer than five.
        Assert.Equal("<5", summary.GetProperty("activeMembers").GetString());

        // A range that ends on 31 January (Japan) leaves out the February registrations.
        var januaryOnly = await SummaryAsync(admin, "?from=2026-01-01&to=2026-01-31");
        Assert.Equal(5, januaryOnly.GetProperty("months")[0].GetProperty("registrations").GetInt32());
        Assert.Equal(1, januaryOnly.GetProperty("months").GetArrayLength());
    }

    [Fact]
    public async Task Answered_within_24_hours_and_the_medians_are_computed_from_the_seeded_times()
    {
        var start = new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
        _clock.SetUtcNow(start);
        var author = await _factory.SignUpAsync(_client);
        var replier = await _factory.SignUpAsync(_client);
        var reporter = await _factory.SignUpAsync(_client);
        var adminId = (await _factory.SendAsync(new CreateAdminCommand(ApiClient.UniqueEmail("admin"), "サロン運営", "an admin passphrase"))).MemberId;

        var topics = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            topics.Add(await PostTopicAsync(author));
        }

        // The author's own reply is not an answer.
        await _factory.SendAsync(new PostReplyCommand(author.Id, topics[7], "補足です。", false, null));

        // Replies by another member after 1, 2, 3, 4, 5 and 6 hours, and one after 30 hours.
        for (var i = 0; i < 6; i++)
        {
            _clock.SetUtcNow(start.AddHours(i + 1));
            await _factory.SendAsync(new PostReplyCommand(replier.Id, topics[i], "うちも同じでした。", false, null));
        }

        // Five reports, each decided by a moderator 1–5 hours after it opened (median 3 hours).
        _clock.SetUtcNow(start.AddHours(7));
        for (var i = 0; i < 5; i++)
        {
            await _factory.SendAsync(new FileReportCommand(reporter.Id, false, topics[i], "spam", null));
        }

        var items = await _factory.WithDbAsync(db => db.ModerationItems.Where(m => m.ResolvedAt == null).OrderBy(m => m.PostId).Select(m => m.Id).ToListAsync());
        Assert.Equal(5, items.Count);
        for (var i = 0; i < 5; i++)
        {
            _clock.SetUtcNow(start.AddHours(8 + i));
            await _factory.SendAsync(new ResolveModerationItemCommand(adminId, items[i], "dismiss", null));
        }

        _clock.SetUtcNow(start.AddHours(30));
        await _factory.SendAsync(new PostReplyCommand(replier.Id, topics[6], "遅くなりました。", false, null));

        var admin = await CreateAdminAsync();
        var summary = await SummaryAsync(admin, "?from=2026-03-01&to=2026-03-31");
        var consultations = summary.GetProperty("consultations");

        Assert.Equal(10, consultations.GetProperty("consultations").GetInt32());
        Assert.Equal(6, consultations.GetProperty("answeredWithin24Hours").GetInt32());
        Assert.Equal(0.6, consultations.GetProperty("shareAnsweredWithin24Hours").GetDouble(), 3);

        // First replies after 1, 2, 3, 4, 5, 6 and 30 hours: the median is 4.
        Assert.Equal(4.0, consultations.GetProperty("medianHoursToFirstReply").GetDouble(), 2);

        var moderation = summary.GetProperty("moderation");
        Assert.Equal(5, moderation.GetProperty("decisions").GetInt32());
        Assert.Equal(3.0, moderation.GetProperty("medianHoursToDecision").GetDouble(), 2);
        Assert.Equal(8, summary.GetProperty("months")[0].GetProperty("replies").GetInt32());
        Assert.Equal(10, summary.GetProperty("months")[0].GetProperty("topics").GetInt32());
    }

    [Fact]
    public async Task The_summary_is_a_fixed_number_of_aggregate_statements_that_read_no_post_text()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero));
        var author = await _factory.SignUpAsync(_client);
        var replier = await _factory.SignUpAsync(_client);
        for (var i = 0; i < 30; i++)
        {
            var topic = await PostTopicAsync(author);
            await _factory.SendAsync(new PostReplyCommand(replier.Id, topic, "うちも同じでした。", false, null));
        }

        _clock.Advance(TimeSpan.FromDays(2));
        var few = await _counter.Measure(() => SummaryDirectAsync());

        Assert.InRange(few.Count, 1, 14);
        Assert.All(few, sql => Assert.DoesNotContain("\"Body\"", sql, StringComparison.Ordinal));
        Assert.Contains(few, sql => sql.Contains("GROUP BY", StringComparison.Ordinal));

        // The same statements whatever the number of rows.
        for (var i = 0; i < 20; i++)
        {
            await PostTopicAsync(author);
        }

        var more = await _counter.Measure(() => SummaryDirectAsync());
        Assert.Equal(few.Count, more.Count);
    }

    [Fact]
    public async Task The_OpenAPI_document_says_a_count_is_an_integer_or_the_string_under_five()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).JsonAsync();
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/insights/summary", out _));
        var count = document.GetProperty("components").GetProperty("schemas").GetProperty("SuppressedCount");
        var alternatives = count.GetProperty("oneOf").EnumerateArray().ToList();
        Assert.Contains(alternatives, a => a.GetProperty("type").GetString() == "integer");
        Assert.Contains(alternatives, a => a.TryGetProperty("enum", out var values) && values[0].GetString() == "<5");
    }

    [Fact]
    public async Task Ranges_are_widened_to_whole_months_so_a_suppressed_count_cannot_be_recovered_by_subtraction()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero));
        var admin = await CreateAdminAsync();
        var partial = await SummaryAsync(admin, "?from=2026-03-05&to=2026-03-09");
        var whole = await SummaryAsync(admin, "?from=2026-03-01&to=2026-03-31");
        Assert.Equal("2026-03-01", partial.GetProperty("from").GetString());
        Assert.Equal("2026-03-31", partial.GetProperty("to").GetString());
        Assert.Equal(whole.GetProperty("months").GetRawText(), partial.GetProperty("months").GetRawText());
    }

    [Fact]
    public async Task A_range_ending_before_it_starts_is_refused()
    {
        var admin = await CreateAdminAsync();
        var response = await _client.SendAsAsync(admin, HttpMethod.Get, "/api/insights/summary?from=2026-03-01&to=2026-02-01");
        await response.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Meeting_fill_rate_counts_seats_taken_in_meetings_held_in_the_range()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var admin = await CreateAdminAsync();
        var small = await _client.CreateMeetingAsync(admin, MeetingScenario.Online(new DateTime(2026, 3, 5, 10, 0, 0, DateTimeKind.Utc), capacity: 4));
        var large = await _client.CreateMeetingAsync(admin, MeetingScenario.Online(new DateTime(2026, 3, 6, 10, 0, 0, DateTimeKind.Utc), capacity: 6));
        var cancelled = await _client.CreateMeetingAsync(admin, MeetingScenario.Online(new DateTime(2026, 3, 7, 10, 0, 0, DateTimeKind.Utc), capacity: 10));
        var later = await _client.CreateMeetingAsync(admin, MeetingScenario.Online(new DateTime(2026, 4, 7, 10, 0, 0, DateTimeKind.Utc), capacity: 10));
        for (var i = 0; i < 7; i++)
        {
            var member = await _factory.SignUpAsync(_client);
            await _client.ApplyAsync(member, i < 5 ? small : large); // 4 seats + 1 waitlisted, then 2 seats
            await _client.ApplyAsync(member, cancelled);
            await _client.ApplyAsync(member, later);
        }

        await (await _client.SendAsAsync(admin, HttpMethod.Post, $"/api/meetings/{cancelled}/cancel", new { })).ShouldBe(HttpStatusCode.OK);
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero));
        admin = admin with { Tokens = await _client.LoginAsync(admin.Email, admin.Password) };

        var meetings = (await SummaryAsync(admin, "?from=2026-03-01&to=2026-03-31")).GetProperty("meetings");
        Assert.Equal("<5", meetings.GetProperty("meetings").GetString());
        Assert.Equal(10, meetings.GetProperty("seats").GetInt32());
        Assert.Equal(6, meetings.GetProperty("seatsTaken").GetInt32());
        Assert.Equal(0.6, meetings.GetProperty("fillRate").GetDouble(), 3);
    }

    private async Task SummaryDirectAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetInsightsSummaryQuery(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)));
    }

    private async Task<Guid> PostTopicAsync(TestMember author) =>
        (await _factory.SendAsync(new CreateTopicCommand(author.Id, "chat", "聞いてください", "家族のことで悩んでいます。", null, false, true, null))).Id;

    private async Task<TestMember> CreateAdminAsync()
    {
        var email = ApiClient.UniqueEmail("admin");
        const string password = "an admin passphrase";
        var result = await _factory.SendAsync(new CreateAdminCommand(email, "サロン運営" + Guid.NewGuid().ToString("N")[..4], password));
        return new TestMember(result.MemberId, email, password, "admin", await _client.LoginAsync(email, password));
    }

    private async Task<JsonElement> SummaryAsync(TestMember admin, string query)
    {
        var response = await _client.SendAsAsync(admin, HttpMethod.Get, "/api/insights/summary" + query);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.JsonAsync();
    }
}
