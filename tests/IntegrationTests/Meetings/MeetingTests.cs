using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Salon.Application.Meetings.SendMeetingReminders;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Meetings;

/// <summary>交流会 over HTTP, with a clock the tests move for deadlines and reminders.</summary>
public sealed class MeetingTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;

    public MeetingTests()
    {
        _factory = new SalonApiFactory { Clock = _clock };
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_official_creates_a_meeting_members_see_the_area_seats_and_japan_time_but_not_the_venue()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var member = await _factory.SignUpAsync(_client, positions: ["sibling"]);
        var id = await _client.CreateMeetingAsync(official, MeetingScenario.Offline(Start, capacity: 4, eligibility: ["sibling"]));

        var list = await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/meetings")).JsonAsync();
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetGuid());
        Assert.Equal("2026-12-01T10:00:00Z", item.GetProperty("startsAt").GetString());
        Assert.Equal("2026-12-01T19:00:00+09:00", item.GetProperty("startsAtJst").GetString());
        Assert.Equal("offline", item.GetProperty("format").GetString());
        Assert.Equal("東京都杉並区", item.GetProperty("area").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("venue").ValueKind);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("joinUrl").ValueKind);
        Assert.Equal(4, item.GetProperty("seatsLeft").GetInt32());
        Assert.Equal(["sibling"], item.GetProperty("eligibility").EnumerateArray().Select(e => e.GetString()));
        Assert.True(item.GetProperty("eligible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("myApplication").ValueKind);
        Assert.Equal("参加費無料", item.GetProperty("feeNote").GetString());
        Assert.Null(list.GetProperty("nextCursor").GetString());

        var asOfficial = await _client.GetMeetingAsync(official, id);
        Assert.StartsWith("杉並区阿佐谷南", asOfficial.GetProperty("venue").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_gives_a_waitlisted_member_their_place_in_the_queue_as_the_meeting_view_does()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var first = await _client.CreateMeetingAsync(official, MeetingScenario.Online(Start, capacity: 1));
        var second = await _client.CreateMeetingAsync(official, MeetingScenario.Online(Start.AddDays(1), capacity: 1));
        var seated = await _factory.SignUpAsync(_client);
        var ahead = await _factory.SignUpAsync(_client);
        var member = await _factory.SignUpAsync(_client);
        foreach (var applicant in new[] { seated, ahead, member })
        {
            await _client.ApplyAsync(applicant, first);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        await _client.ApplyAsync(seated, second);
        await _client.ApplyAsync(member, second);

        var list = (await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/meetings")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var mine = list.ToDictionary(m => m.GetProperty("id").GetGuid(), m => m.GetProperty("myApplication"));
        Assert.Equal("waitlisted", mine[first].Str("status"));
        Assert.Equal(2, mine[first].GetProperty("waitlistPosition").GetInt32());
        Assert.Equal(1, mine[second].GetProperty("waitlistPosition").GetInt32());
        Assert.Equal(2, (await _client.GetMeetingAsync(member, first)).GetProperty("myApplication").GetProperty("waitlistPosition").GetInt32());

        var seatedView = (await (await _client.SendAsAsync(seated, HttpMethod.Get, "/api/meetings")).JsonAsync()).GetProperty("items")[0].GetProperty("myApplication");
        Assert.Equal("accepted", seatedView.Str("status"));
        Assert.Equal(JsonValueKind.Null, seatedView.GetProperty("waitlistPosition").ValueKind);
    }

    [Fact]
    public async Task The_list_filters_by_format_and_by_what_fits_my_family_position()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var sibling = await _factory.SignUpAsync(_client, positions: ["sibling"]);
        var online = await _client.CreateMeetingAsync(official, MeetingScenario.Online(Start));
        var forSiblings = await _client.CreateMeetingAsync(official, MeetingScenario.Offline(Start.AddDays(1), eligibility: ["sibling"]));
        var forParents = await _client.CreateMeetingAsync(official, MeetingScenario.Offline(Start.AddDays(2), eligibility: ["parent"]));

        async Task<List<Guid>> IdsAsync(string query) =>
            (await (await _client.SendAsAsync(sibling, HttpMethod.Get, "/api/meetings" + query)).JsonAsync())
                .GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();

        Assert.Equal([online, forSiblings, forParents], await IdsAsync(string.Empty));
        Assert.Equal([forSiblings, forParents], await IdsAsync("?format=offline"));
        Assert.Equal([online, forSiblings], await IdsAsync("?eligible=true"));
        Assert.Equal([forSiblings], await IdsAsync("?format=offline&eligible=true"));
        await (await _client.SendAsAsync(sibling, HttpMethod.Get, "/api/meetings?format=zoom")).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_officials_create_edit_and_cancel_and_invalid_meetings_are_refused_field_by_field()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var member = await _factory.SignUpAsync(_client);
        await (await _client.SendAsAsync(member, HttpMethod.Post, "/api/meetings", MeetingScenario.Online(Start))).ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.GetAsync("/api/meetings")).ShouldBe(HttpStatusCode.Unauthorized);

        var backwards = await _client.SendAsAsync(official, HttpMethod.Post, "/api/meetings", new
        {
            title = "x", startsAt = Start, endsAt = Start.AddHours(-1), format = "online", capacity = 3,
        });
        await backwards.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await backwards.JsonAsync()).GetProperty("errors").TryGetProperty("endsAt", out _));

        var noArea = await _client.SendAsAsync(official, HttpMethod.Post, "/api/meetings", new
        {
            title = "x", startsAt = Start, endsAt = Start.AddHours(1), format = "offline", capacity = 3,
        });
        await noArea.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await noArea.JsonAsync()).GetProperty("errors").TryGetProperty("area", out _));

        var past = await _client.SendAsAsync(official, HttpMethod.Post, "/api/meetings", MeetingScenario.Online(_clock.GetUtcNow().UtcDateTime.AddHours(-1)));
        await past.ShouldBe(HttpStatusCode.BadRequest);

        var insecure = await _client.SendAsAsync(official, HttpMethod.Post, "/api/meetings", new
        {
            title = "x", startsAt = Start, endsAt = Start.AddHours(1), format = "online", capacity = 3, joinUrl = "http://meet.example.org/a",
        });
        await insecure.ShouldBe(HttpStatusCode.BadRequest);

        // A join URL is written into calendar files: no line breaks or spaces smuggled in.
        var injected = await _client.SendAsAsync(official, HttpMethod.Post, "/api/meetings", new
        {
            title = "x", startsAt = Start, endsAt = Start.AddHours(1), format = "online", capacity = 3, joinUrl = "https://a.example/x\r\nATTENDEE:mailto:x@example.com",
        });
        await injected.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await injected.JsonAsync()).GetProperty("errors").TryGetProperty("joinUrl", out _));

        var id = await _client.CreateMeetingAsync(official, MeetingScenario.Online(Start));
        await (await _client.SendAsAsync(member, HttpMethod.Patch, $"/api/meetings/{id}", new { title = "乗っ取り" })).ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.SendAsAsync(member, HttpMethod.Post, $"/api/meetings/{id}/cancel", new { })).ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.SendAsAsync(member, HttpMethod.Get, $"/api/meetings/{id}/applications")).ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/meetings/{Guid.NewGuid()}", new { title = "x" })).ShouldBe(HttpStatusCode.NotFound);

        var edited = await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/meetings/{id}", new { title = "年末のオンライン交流会", feeNote = "無料" });
        await edited.ShouldBe(HttpStatusCode.OK);
        var body = await edited.JsonAsync();
        Assert.Equal("年末のオンライン交流会", body.GetProperty("title").GetString());
        Assert.Equal("https://meet.example.org/salon-secret-room", body.GetProperty("joinUrl").GetString());
    }

    [Fact]
    public async Task Seats_go_in_arrival_order_then_the_waitlist_and_applying_twice_is_a_conflict()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var id = await _client.CreateMeetingAsync(official, MeetingScenario.Online(Start, capacity: 2));
        var members = new List<TestMember>();
        for (var i = 0; i < 4; i++)
        {
            members.Add(await _factory.SignUpAsync(_client));
        }

        var answers = new List<JsonElement>();
        foreach (var member in members)
        {
            answers.Add(await _client.ApplyAsync(member, id, note: "はじめてです"));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(["accepted", "accepted", "waitlisted", "waitlisted"], answers.Select(a => a.GetProperty("status").GetString()));
        Assert.Equal(1, answers[2].GetProperty("waitlistPosition").GetInt32());
        Assert.Equal(2, answers[3].GetProperty("waitlistPosition").GetInt32());

        var twice = await _client.SendAsAsync(members[0], HttpMethod.Post, $"/api/meetings/{id}/applications", new { });
        await twice.ShouldBe(HttpStatusCode.Conflict);
        await (await _client.SendAsAsync(members[3], HttpMethod.Post, $"/api/meetings/{id}/applications", new { })).ShouldBe(HttpStatusCode.Conflict);

        var view = await _client.GetMeetingAsync(members[3], id);
        Assert.Equal(0, view.GetProperty("seatsLeft").GetInt32());
        Assert.Equal(2, view.GetProperty("waitlistCount").GetInt32());
        Assert.Equal("waitlisted", view.GetProperty("myApplication").GetProperty("status").GetString());
        Assert.Equal(2, view.GetProperty("myApplication").GetProperty("waitlistPosition").GetInt32());

        Assert.Contains(await _client.NotificationsAsync(members[0]), n => n.Str("kind") == "meeting_accepted" && n.GetProperty("meetingId").GetGuid() == id);
        Assert.Contains(await _client.NotificationsAsync(members[2]), n => n.Str("kind") == "meeting_waitlisted");
    }

    [Fact]
    public async Task The_join_url_and_exact_venue_reach_only_accepted_applicants_and_officials()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var online = await _client.CreateMeetingAsync(official, MeetingScenario.Online(Start, capacity: 1));
        var offline = await _client.CreateMeetingAsync(official, MeetingScenario.Offline(Start.AddDays(1), capacity: 1));
        var accepted = await _factory.SignUpAsync(_client);
        var waitlisted = await _factory.SignUpAsync(_client);
        var bystander = await _factory.SignUpAsync(_client);
        foreach (var meeting in new[] { online, offline })
        {
            await _client.ApplyAsync(accepted, meeting);
            await _client.ApplyAsync(waitlisted, meeting);
        }

        foreach (var outsider in new[] { waitlisted, bystander })
        {
            foreach (var url in new[] { "/api/meetings", $"/api/meetings/{online}", $"/api/meetings/{offline}", "/api/meetings?limit=1" })
            {
                var text = await (await _client.SendAsAsync(outsider, HttpMethod.Get, url)).Content.ReadAsStringAsync();
                Assert.DoesNotContain("salon-secret-room", text, StringComparison.Ordinal);
                Assert.DoesNotContain("阿佐谷南", text, StringComparison.Ordinal);
            }

            await (await _client.SendAsAsync(outsider, HttpMethod.Get, $"/api/meetings/{online}/calendar.ics")).ShouldBe(HttpStatusCode.Forbidden);
        }

        Assert.Equal("https://meet.example.org/salon-secret-room", (await _client.GetMeetingAsync(accepted, online)).Str("joinUrl"));
        Assert.Contains("阿佐谷南", (await _client.GetMeetingAsync(accepted, offline)).Str("venue"), StringComparison.Ordinal);
        var list = await (await _client.SendAsAsync(accepted, HttpMethod.Get, "/api/meetings")).JsonAsync();
        Assert.All(list.GetProperty("items").EnumerateArray(), m => Assert.True(m.Str("joinUrl") is not null || m.Str("venue") is not null));

        // A withdrawn applicant loses access again.
        await (await _client.SendAsAsync(accepted, HttpMethod.Delete, $"/api/meetings/{online}/applications/me")).ShouldBe(HttpStatusCode.NoContent);
        Assert.Null((await _client.GetMeetingAsync(accepted, online)).Str("joinUrl"));
    }

    [Fact]
    public async Task Eligibility_deadline_cancellation_and_start_are_business_rules()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var parent = await _factory.SignUpAsync(_client, positions: ["parent"]);
        var siblingAndChild = await _factory.SignUpAsync(_client, positions: ["sibling", "child"]);
        var siblingsOnly = await _client.CreateMeetingAsync(official, MeetingScenario.Offline(Start, eligibility: ["sibling"]));

        var refused = await _client.SendAsAsync(parent, HttpMethod.Post, $"/api/meetings/{siblingsOnly}/applications", new { });
        await refused.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("not-eligible", (await refused.JsonAsync()).Str("code"));
        Assert.False((await _client.GetMeetingAsync(parent, siblingsOnly)).GetProperty("eligible").GetBoolean());
        await _client.ApplyAsync(siblingAndChild, siblingsOnly);

        var deadline = await _client.CreateMeetingAsync(official, MeetingScenario.Offline(Start, deadline: Start.AddDays(-2)));
        var cancelled = await _client.CreateMeetingAsync(official, MeetingScenario.Online(Start));
        await (await _client.SendAsAsync(official, HttpMethod.Post, $"/api/meetings/{cancelled}/cancel", new { reason = "講師の体調不良のため" })).ShouldBe(HttpStatusCode.OK);
        var cancelledView = await _client.GetMeetingAsync(parent, cancelled);
        Assert.Equal("cancelled", cancelledView.Str("status"));
        Assert.False(cancelledView.GetProperty("acceptingApplications").GetBoolean());
        var cancelledApply = await _client.SendAsAsync(parent, HttpMethod.Post, $"/api/meetings/{cancelled}/applications", new { });
        await cancelledApply.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("meeting-cancelled", (await cancelledApply.JsonAsync()).Str("code"));
        await (await _client.SendAsAsync(official, HttpMethod.Post, $"/api/meetings/{cancelled}/cancel", new { })).ShouldBe(HttpStatusCode.UnprocessableEntity);

        _clock.Advance(TimeSpan.FromDays(3)); // Nov 30 00:00, past the deadline of Nov 29 10:00
        parent = await _client.RefreshAsync(parent);
        var late = await _client.SendAsAsync(parent, HttpMethod.Post, $"/api/meetings/{deadline}/applications", new { });
        await late.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("application-closed", (await late.JsonAsync()).Str("code"));

        _clock.Advance(TimeSpan.FromDays(1.5)); // Dec 1 12:00: started
        parent = await _client.RefreshAsync(parent);
        var started = await _client.SendAsAsync(parent, HttpMethod.Post, $"/api/meetings/{siblingsOnly}/applications", new { });
        await started.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("meeting-started", (await started.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task Withdrawing_promotes_the_first_waitlisted_member_who_is_told_and_raising_capacity_promotes_in_order()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var id = await _client.CreateMeetingAsync(official, MeetingScenario.Online(Start, capacity: 1));
        var members = new List<TestMember>();
        for (var i = 0; i < 5; i++)
        {
            var member = await _factory.SignUpAsync(_client);
            members.Add(member);
            await _client.ApplyAsync(member, id);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        await (await _client.SendAsAsync(members[0], HttpMethod.Delete, $"/api/meetings/{id}/applications/me")).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(members[0], HttpMethod.Delete, $"/api/meetings/{id}/applications/me")).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal("accepted", (await _client.GetMeetingAsync(members[1], id)).GetProperty("myApplication").Str("status"));
        Assert.Contains(await _client.NotificationsAsync(members[1]), n => n.Str("kind") == "meeting_promoted" && n.GetProperty("meetingId").GetGuid() == id);
        Assert.DoesNotContain(await _client.NotificationsAsync(members[2]), n => n.Str("kind") == "meeting_promoted");
        Assert.Equal(1, (await _client.GetMeetingAsync(members[2], id)).GetProperty("myApplication").GetProperty("waitlistPosition").GetInt32());

        var raised = await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/meetings/{id}", new { capacity = 3 });
        await raised.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, (await raised.JsonAsync()).GetProperty("seatsLeft").GetInt32());
        Assert.Equal("accepted", (await _client.GetMeetingAsync(members[2], id)).GetProperty("myApplication").Str("status"));
        Assert.Equal("accepted", (await _client.GetMeetingAsync(members[3], id)).GetProperty("myApplication").Str("status"));
        Assert.Equal("waitlisted", (await _client.GetMeetingAsync(members[4], id)).GetProperty("myApplication").Str("status"));

        var lower = await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/meetings/{id}", new { capacity = 2 });
        await lower.ShouldBe(HttpStatusCode.UnprocessableEntity);

        // Re-applying after withdrawing goes to the back of the queue.
        var again = await _client.ApplyAsync(members[0], id);
        Assert.Equal("waitlisted", again.Str("status"));
        Assert.Equal(2, again.GetProperty("waitlistPosition").GetInt32());
    }

    [Fact]
    public async Task Moving_a_meeting_or_changing_where_it_happens_tells_applicants_but_a_new_description_does_not()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var id = await _client.CreateMeetingAsync(official, MeetingScenario.Online(Start, capacity: 1));
        var accepted = await _factory.SignUpAsync(_client);
        var waitlisted = await _factory.SignUpAsync(_client);
        await _client.ApplyAsync(accepted, id);
        await _client.ApplyAsync(waitlisted, id);

        await (await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/meetings/{id}", new { description = "持ち物はありません。" })).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(await _client.NotificationsAsync(accepted), n => n.Str("kind") == "meeting_changed");

        await (await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/meetings/{id}", new { startsAt = Start.AddHours(2), endsAt = Start.AddHours(4) })).ShouldBe(HttpStatusCode.OK);
        await (await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/meetings/{id}", new { joinUrl = "https://meet.example.org/new-room" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, (await _client.NotificationsAsync(accepted)).Count(n => n.Str("kind") == "meeting_changed" && n.GetProperty("meetingId").GetGuid() == id));
        Assert.Equal(2, (await _client.NotificationsAsync(waitlisted)).Count(n => n.Str("kind") == "meeting_changed"));
        Assert.DoesNotContain(await _client.NotificationsAsync(official), n => n.Str("kind") == "meeting_changed");
        Assert.Equal("2026-12-01T21:00:00+09:00", (await _client.GetMeetingAsync(accepted, id)).Str("startsAtJst"));
    }

    [Fact]
    public async Task Cancelling_a_meeting_tells_everyone_who_applied_and_nobody_else()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var id = await _client.CreateMeetingAsync(official, MeetingScenario.Online(Start, capacity: 1));
        var accepted = await _factory.SignUpAsync(_client);
        var waitlisted = await _factory.SignUpAsync(_client);
        var withdrawn = await _factory.SignUpAsync(_client);
        await _client.ApplyAsync(accepted, id);
        await _client.ApplyAsync(waitlisted, id);
        await _client.ApplyAsync(withdrawn, id);
        await (await _client.SendAsAsync(withdrawn, HttpMethod.Delete, $"/api/meetings/{id}/applications/me")).ShouldBe(HttpStatusCode.NoContent);

        await (await _client.SendAsAsync(official, HttpMethod.Post, $"/api/meetings/{id}/cancel", new { reason = "台風のため" })).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(await _client.NotificationsAsync(accepted), n => n.Str("kind") == "meeting_cancelled");
        Assert.Contains(await _client.NotificationsAsync(waitlisted), n => n.Str("kind") == "meeting_cancelled");
        Assert.DoesNotContain(await _client.NotificationsAsync(withdrawn), n => n.Str("kind") == "meeting_cancelled");
        Assert.Equal("台風のため", (await _client.GetMeetingAsync(accepted, id)).Str("cancellationReason"));
    }

    [Fact]
    public async Task Two_members_racing_for_the_last_seat_get_exactly_one_seat()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        for (var round = 0; round < 4; round++)
        {
            var id = await _client.CreateMeetingAsync(official, MeetingScenario.Online(Start, capacity: 2));
            await _client.ApplyAsync(await _factory.SignUpAsync(_client), id);
            var racers = new[] { await _factory.SignUpAsync(_client), await _factory.SignUpAsync(_client), await _factory.SignUpAsync(_client) };
            using var gate = new ManualResetEventSlim();
            var responses = await Task.WhenAll(racers.Select(r => Task.Run(async () =>
            {
                var client = _factory.CreateClient();
                gate.Wait();
                return await client.SendAsAsync(r, HttpMethod.Post, $"/api/meetings/{id}/applications", new { });
            })).Append(Task.Run(async () =>
            {
                await Task.Delay(50);
                gate.Set();
                return (HttpResponseMessage?)null!;
            })));

            var statuses = new List<string>();
            foreach (var response in responses.Where(r => r is not null))
            {
                await response.ShouldBe(HttpStatusCode.Created);
                statuses.Add((await response.JsonAsync()).Str("status")!);
            }

            Assert.Equal(1, statuses.Count(s => s == "accepted"));
            Assert.Equal(2, statuses.Count(s => s == "waitlisted"));
            var applications = await (await _client.SendAsAsync(official, HttpMethod.Get, $"/api/meetings/{id}/applications")).JsonAsync();
            Assert.Equal(2, applications.GetProperty("counts").GetProperty("accepted").GetInt32());
            Assert.Equal(2, applications.GetProperty("counts").GetProperty("waitlisted").GetInt32());
        }
    }

    [Fact]
    public async Task Officials_see_applicants_with_nicknames_status_time_note_and_counts_but_never_an_email()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var id = await _client.CreateMeetingAsync(official, MeetingScenario.Online(Start, capacity: 1));
        var first = await _factory.SignUpAsync(_client, positions: ["spouse"]);
        var second = await _factory.SignUpAsync(_client);
        await _client.ApplyAsync(first, id, note: "車椅子で参加します");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _client.ApplyAsync(second, id);

        var response = await _client.SendAsAsync(official, HttpMethod.Get, $"/api/meetings/{id}/applications");
        await response.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(first.Email, text, StringComparison.OrdinalIgnoreCase);
        var body = JsonDocument.Parse(text).RootElement;
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([first.Nickname, second.Nickname], items.Select(i => i.GetProperty("member").Str("nickname")));
        Assert.Equal(["accepted", "waitlisted"], items.Select(i => i.Str("status")));
        Assert.Equal("車椅子で参加します", items[0].Str("note"));
        Assert.Equal(["spouse"], items[0].GetProperty("member").GetProperty("familyPositions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(1, body.GetProperty("counts").GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("counts").GetProperty("waitlisted").GetInt32());
        Assert.Equal(1, body.GetProperty("counts").GetProperty("capacity").GetInt32());

        var firstPage = await (await _client.SendAsAsync(official, HttpMethod.Get, $"/api/meetings/{id}/applications?limit=1")).JsonAsync();
        var cursor = firstPage.Str("nextCursor");
        Assert.NotNull(cursor);
        var secondPage = await (await _client.SendAsAsync(official, HttpMethod.Get, $"/api/meetings/{id}/applications?limit=1&cursor={cursor}")).JsonAsync();
        Assert.Equal(second.Nickname, Assert.Single(secondPage.GetProperty("items").EnumerateArray()).GetProperty("member").Str("nickname"));
    }

    [Fact]
    public async Task Accepted_applicants_download_a_valid_rfc5545_calendar_with_utc_times()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var member = await _factory.SignUpAsync(_client);
        var id = await _client.CreateMeetingAsync(official, new
        {
            title = "子どもの立場の交流会; 親が入院中の方も, どうぞ",
            description = "長い説明です。" + string.Concat(Enumerable.Repeat("ゆっくり話しましょう。", 20)) + "\n二行目",
            startsAt = Start,
            endsAt = Start.AddHours(2),
            format = "online",
            joinUrl = "https://meet.example.org/salon-secret-room",
            capacity = 3,
        });
        await _client.ApplyAsync(member, id);

        var response = await _client.SendAsAsync(member, HttpMethod.Get, $"/api/meetings/{id}/calendar.ics");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        // Structure: CRLF line ends only, every physical line at most 75 octets, folded lines start with a space.
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var physical = text.Split("\r\n");
        Assert.Equal(string.Empty, physical[^1]);
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"line longer than 75 octets: {line}"));
        Assert.Contains(physical, l => l.StartsWith(' '));
        Assert.Contains("DTSTART:20261201T100000Z", physical);
        Assert.Contains("DTEND:20261201T120000Z", physical);

        // An independent RFC 5545 parser reads the same event back.
        var calendar = Ical.Net.Calendar.Load(text)!;
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal(Start, calendarEvent.DtStart!.AsUtc);
        Assert.Equal(Start.AddHours(2), calendarEvent.DtEnd!.AsUtc);
        Assert.Equal("子どもの立場の交流会; 親が入院中の方も, どうぞ", calendarEvent.Summary);
        Assert.EndsWith("\n二行目", calendarEvent.Description, StringComparison.Ordinal);
        Assert.Equal("https://meet.example.org/salon-secret-room", calendarEvent.Location);
        Assert.StartsWith(id.ToString(), calendarEvent.Uid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_sequence_grows_only_when_the_event_itself_changes()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var id = await _client.CreateMeetingAsync(official, MeetingScenario.Online(Start, capacity: 1));
        async Task<int> SequenceAsync()
        {
            var response = await _client.SendAsAsync(official, HttpMethod.Get, $"/api/meetings/{id}/calendar.ics");
            await response.ShouldBe(HttpStatusCode.OK);
            return Assert.Single(Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!.Events).Sequence;
        }

        async Task PatchAsync(object changes) =>
            await (await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/meetings/{id}", changes)).ShouldBe(HttpStatusCode.OK);

        // Applications, withdrawals, promotions, reminders and settings the file does not carry leave it alone.
        var first = await _factory.SignUpAsync(_client);
        var second = await _factory.SignUpAsync(_client);
        await _client.ApplyAsync(first, id);
        await _client.ApplyAsync(second, id);
        await (await _client.SendAsAsync(first, HttpMethod.Delete, $"/api/meetings/{id}/applications/me")).ShouldBe(HttpStatusCode.NoContent);
        _clock.SetUtcNow(Start.AddHours(-20));
        await _factory.SendAsync(new SendMeetingRemindersCommand());
        official = await _client.RefreshAsync(official);
        await PatchAsync(new { capacity = 4, feeNote = "無料", applicationDeadline = Start.AddHours(-1) });
        Assert.Equal(0, await SequenceAsync());

        await PatchAsync(new { title = "新しいタイトル" });
        Assert.Equal(1, await SequenceAsync());
        await PatchAsync(new { startsAt = Start.AddHours(1), endsAt = Start.AddHours(3) });
        Assert.Equal(2, await SequenceAsync());
        await PatchAsync(new { joinUrl = "https://meet.example.org/another-room" });
        Assert.Equal(3, await SequenceAsync());
        await (await _client.SendAsAsync(official, HttpMethod.Post, $"/api/meetings/{id}/cancel", new { reason = "台風のため" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(4, await SequenceAsync());
    }

    [Fact]
    public async Task Reminders_go_24_hours_and_1_hour_before_once_each_even_when_the_job_runs_twice_or_late()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var id = await _client.CreateMeetingAsync(official, MeetingScenario.Online(Start, capacity: 2));
        var a = await _factory.SignUpAsync(_client);
        var b = await _factory.SignUpAsync(_client);
        var waitlisted = await _factory.SignUpAsync(_client);
        await _client.ApplyAsync(a, id);
        await _client.ApplyAsync(b, id);
        await _client.ApplyAsync(waitlisted, id);
        var late = await _client.CreateMeetingAsync(official, MeetingScenario.Online(Start.AddHours(30), capacity: 2));
        await _client.ApplyAsync(a, late);

        Assert.Equal(0, await _factory.SendAsync(new SendMeetingRemindersCommand()));

        _clock.SetUtcNow(new DateTimeOffset(Start.AddHours(-23)));
        var runs = await Task.WhenAll(
            Task.Run(() => _factory.SendAsync(new SendMeetingRemindersCommand())),
            Task.Run(() => _factory.SendAsync(new SendMeetingRemindersCommand())));
        Assert.Equal(2, runs.Sum()); // a and b for the first meeting; the late one is still 53 hours away
        Assert.Equal(0, await _factory.SendAsync(new SendMeetingRemindersCommand()));

        _clock.SetUtcNow(new DateTimeOffset(Start.AddMinutes(-58)));
        Assert.Equal(2, await _factory.SendAsync(new SendMeetingRemindersCommand()));
        Assert.Equal(0, await _factory.SendAsync(new SendMeetingRemindersCommand()));

        // The job was down until 30 minutes before the second meeting: only the 1-hour reminder goes.
        _clock.SetUtcNow(new DateTimeOffset(Start.AddHours(30).AddMinutes(-30)));
        Assert.Equal(1, await _factory.SendAsync(new SendMeetingRemindersCommand()));
        Assert.Equal(0, await _factory.SendAsync(new SendMeetingRemindersCommand()));

        // After the start nothing more is sent.
        _clock.SetUtcNow(new DateTimeOffset(Start.AddHours(31)));
        Assert.Equal(0, await _factory.SendAsync(new SendMeetingRemindersCommand()));

        a = await _client.RefreshAsync(a);
        b = await _client.RefreshAsync(b);
        waitlisted = await _client.RefreshAsync(waitlisted);
        var remindersA = (await _client.NotificationsAsync(a)).Where(n => n.Str("kind") == "meeting_reminder").ToList();
        Assert.Equal(2, remindersA.Count(n => n.GetProperty("meetingId").GetGuid() == id));
        Assert.Equal(1, remindersA.Count(n => n.GetProperty("meetingId").GetGuid() == late));
        Assert.Equal(2, (await _client.NotificationsAsync(b)).Count(n => n.Str("kind") == "meeting_reminder"));
        Assert.DoesNotContain(await _client.NotificationsAsync(waitlisted), n => n.Str("kind") == "meeting_reminder");
    }

    [Fact]
    public async Task A_deleted_member_s_application_is_withdrawn_promoting_the_waitlist_and_their_note_removed()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var id = await _client.CreateMeetingAsync(official, MeetingScenario.Online(Start, capacity: 1));
        var leaving = await _factory.SignUpAsync(_client);
        var next = await _factory.SignUpAsync(_client);
        await _client.ApplyAsync(leaving, id, note: "家族には内緒で参加します");
        await _client.ApplyAsync(next, id);

        var export = await (await _client.SendAsAsync(leaving, HttpMethod.Get, "/api/me/export")).Content.ReadAsStringAsync();
        Assert.Contains("家族には内緒で参加します", export, StringComparison.Ordinal);

        await (await _client.SendAsAsync(leaving, HttpMethod.Delete, "/api/me", new { password = leaving.Password, contentHandling = "delete" })).ShouldBe(HttpStatusCode.Accepted);

        Assert.Equal("accepted", (await _client.GetMeetingAsync(next, id)).GetProperty("myApplication").Str("status"));
        var applicants = await (await _client.SendAsAsync(official, HttpMethod.Get, $"/api/meetings/{id}/applications")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("家族には内緒で参加します", applicants, StringComparison.Ordinal);
        Assert.Contains("withdrawn", applicants, StringComparison.Ordinal);
    }
}
