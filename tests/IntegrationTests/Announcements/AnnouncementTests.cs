using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Salon.Application.Announcements.PublishDueAnnouncements;
using Salon.Application.Notifications.DeliverAnnouncementNotices;
using Salon.IntegrationTests.Infrastructure;
using Salon.IntegrationTests.Meetings;

namespace Salon.IntegrationTests.Announcements;

/// <summary>お知らせ over HTTP: visibility, order, scheduling and the one notice per member.</summary>
public sealed class AnnouncementTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;

    public AnnouncementTests()
    {
        _factory = new SalonApiFactory { Clock = _clock };
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    private async Task<JsonElement> PostAsync(TestMember official, object body)
    {
        var response = await _client.SendAsAsync(official, HttpMethod.Post, "/api/announcements", body);
        await response.ShouldBe(HttpStatusCode.Created);
        _clock.Advance(TimeSpan.FromSeconds(1));
        return await response.JsonAsync();
    }

    private static List<string?> Titles(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.Str("title")).ToList();

    [Fact]
    public async Task Anyone_reads_public_ones_members_read_all_pinned_first_then_newest_with_the_official_badge()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var member = await _factory.SignUpAsync(_client);
        await PostAsync(official, new { title = "古いお知らせ", body = "本文", pinned = false, @public = true });
        await PostAsync(official, new { title = "会員向け", body = "会員だけに", pinned = false, @public = false });
        await PostAsync(official, new { title = "固定", body = "いつも上に", pinned = true, @public = true });
        await PostAsync(official, new { title = "新しいお知らせ", body = "本文", pinned = false, @public = true });

        var anonymous = await _client.GetAsync("/api/announcements");
        await anonymous.ShouldBe(HttpStatusCode.OK);
        var publicPage = await anonymous.JsonAsync();
        Assert.Equal(["固定", "新しいお知らせ", "古いお知らせ"], Titles(publicPage));

        // Readers who are not signed in see the office's signature, not a staff account.
        var signature = publicPage.GetProperty("items")[0].GetProperty("author");
        Assert.Equal(JsonValueKind.Null, signature.GetProperty("id").ValueKind);
        Assert.Empty(signature.GetProperty("familyPositions").EnumerateArray());
        Assert.True(signature.GetProperty("isOfficial").GetBoolean());
        Assert.DoesNotContain(official.Nickname, publicPage.GetRawText(), StringComparison.Ordinal);

        var asMember = await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/announcements")).JsonAsync();
        Assert.Equal(["固定", "新しいお知らせ", "会員向け", "古いお知らせ"], Titles(asMember));
        var first = asMember.GetProperty("items")[0];
        Assert.True(first.GetProperty("author").GetProperty("isOfficial").GetBoolean());
        Assert.Equal(official.Nickname, first.GetProperty("author").Str("nickname"));
        Assert.True(first.GetProperty("pinned").GetBoolean());

        var membersOnly = asMember.GetProperty("items")[2].GetProperty("id").GetGuid();
        await (await _client.GetAsync($"/api/announcements/{membersOnly}")).ShouldBe(HttpStatusCode.NotFound);
        await (await _client.SendAsAsync(member, HttpMethod.Get, $"/api/announcements/{membersOnly}")).ShouldBe(HttpStatusCode.OK);

        // Keyset pages cross the pinned/unpinned boundary without losing or repeating anything.
        var seen = new List<string?>();
        string? cursor = null;
        do
        {
            var page = await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/announcements?limit=1" + (cursor is null ? string.Empty : "&cursor=" + cursor))).JsonAsync();
            seen.AddRange(Titles(page));
            cursor = page.Str("nextCursor");
        }
        while (cursor is not null);
        Assert.Equal(["固定", "新しいお知らせ", "会員向け", "古いお知らせ"], seen);
    }

    [Fact]
    public async Task Only_officials_write_and_edits_are_marked_and_deletion_is_soft_and_idempotent()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var member = await _factory.SignUpAsync(_client);
        await (await _client.SendAsAsync(member, HttpMethod.Post, "/api/announcements", new { title = "x", body = "y" })).ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.PostJsonAsync("/api/announcements", new { title = "x", body = "y" })).ShouldBe(HttpStatusCode.Unauthorized);
        var invalid = await _client.SendAsAsync(official, HttpMethod.Post, "/api/announcements", new { title = "", body = "y" });
        await invalid.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await invalid.JsonAsync()).GetProperty("errors").TryGetProperty("title", out _));

        var created = await PostAsync(official, new { title = "年末年始の休業", body = "12月29日から休みます。", @public = true });
        var id = created.GetProperty("id").GetGuid();
        Assert.False(created.GetProperty("edited").GetBoolean());
        await (await _client.SendAsAsync(member, HttpMethod.Patch, $"/api/announcements/{id}", new { title = "改ざん" })).ShouldBe(HttpStatusCode.Forbidden);

        var edited = await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/announcements/{id}", new { body = "12月28日から休みます。" });
        await edited.ShouldBe(HttpStatusCode.OK);
        var after = await edited.JsonAsync();
        Assert.True(after.GetProperty("edited").GetBoolean());
        Assert.Equal("年末年始の休業", after.Str("title"));
        Assert.Equal("12月28日から休みます。", after.Str("body"));

        await (await _client.SendAsAsync(member, HttpMethod.Delete, $"/api/announcements/{id}")).ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.SendAsAsync(official, HttpMethod.Delete, $"/api/announcements/{id}")).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(official, HttpMethod.Delete, $"/api/announcements/{id}")).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(official, HttpMethod.Delete, $"/api/announcements/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"/api/announcements/{id}")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Empty(Titles(await (await _client.SendAsAsync(official, HttpMethod.Get, "/api/announcements")).JsonAsync()));
        await (await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/announcements/{id}", new { title = "復活" })).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Members_are_told_once_when_an_announcement_is_published_and_never_the_author()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var a = await _factory.SignUpAsync(_client);
        var b = await _factory.SignUpAsync(_client);
        var created = await PostAsync(official, new { title = "新しい掲示板ができました", body = "配偶者・パートナーの方の掲示板です。", @public = false });
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(1, await _factory.SendAsync(new DeliverAnnouncementNoticesCommand()));

        foreach (var member in new[] { a, b })
        {
            var notices = (await _client.NotificationsAsync(member)).Where(n => n.Str("kind") == "announcement_published").ToList();
            var notice = Assert.Single(notices);
            Assert.Equal(id, notice.GetProperty("announcementId").GetGuid());
        }

        Assert.DoesNotContain(await _client.NotificationsAsync(official), n => n.Str("kind") == "announcement_published");
        Assert.Equal(0, await _factory.SendAsync(new PublishDueAnnouncementsCommand()));
        await (await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/announcements/{id}", new { pinned = true })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, await _factory.SendAsync(new DeliverAnnouncementNoticesCommand()));
        Assert.Single(await _client.NotificationsAsync(a), n => n.Str("kind") == "announcement_published");
    }

    [Fact]
    public async Task A_scheduled_announcement_stays_invisible_until_its_time_and_is_announced_exactly_once()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var member = await _factory.SignUpAsync(_client);
        var publishAt = _clock.GetUtcNow().UtcDateTime.AddHours(3);
        var created = await PostAsync(official, new { title = "交流会のご案内", body = "12月の交流会の申し込みを受け付けます。", @public = true, publishAt });
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("scheduled", created.Str("status"));

        Assert.Empty(Titles(await (await _client.GetAsync("/api/announcements")).JsonAsync()));
        Assert.Empty(Titles(await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/announcements")).JsonAsync()));
        await (await _client.SendAsAsync(member, HttpMethod.Get, $"/api/announcements/{id}")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(["交流会のご案内"], Titles(await (await _client.SendAsAsync(official, HttpMethod.Get, "/api/announcements")).JsonAsync()));
        Assert.Equal(0, await _factory.SendAsync(new PublishDueAnnouncementsCommand()));
        Assert.Equal(0, await _factory.SendAsync(new DeliverAnnouncementNoticesCommand()));
        Assert.DoesNotContain(await _client.NotificationsAsync(member), n => n.Str("kind") == "announcement_published");

        // The schedule moves while unpublished.
        var moved = await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/announcements/{id}", new { publishAt = publishAt.AddHours(1) });
        await moved.ShouldBe(HttpStatusCode.OK);
        _clock.Advance(TimeSpan.FromHours(3.5));
        Assert.Equal(0, await _factory.SendAsync(new PublishDueAnnouncementsCommand()));

        _clock.Advance(TimeSpan.FromHours(1));
        var runs = await Task.WhenAll(
            Task.Run(() => _factory.SendAsync(new PublishDueAnnouncementsCommand())),
            Task.Run(() => _factory.SendAsync(new PublishDueAnnouncementsCommand())));
        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, await _factory.SendAsync(new PublishDueAnnouncementsCommand()));
        Assert.Equal(1, await _factory.SendAsync(new DeliverAnnouncementNoticesCommand()));

        member = await _client.RefreshAsync(member);
        official = await _client.RefreshAsync(official);
        Assert.Equal(["交流会のご案内"], Titles(await (await _client.GetAsync("/api/announcements")).JsonAsync()));
        Assert.Single(await _client.NotificationsAsync(member), n => n.Str("kind") == "announcement_published");

        var reschedule = await _client.SendAsAsync(official, HttpMethod.Patch, $"/api/announcements/{id}", new { publishAt = publishAt.AddDays(2) });
        await reschedule.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task An_announcement_whose_author_account_is_gone_is_signed_by_the_office()
    {
        var member = await _factory.SignUpAsync(_client);
        await _factory.SendAsync(new Salon.Application.Announcements.CreateAnnouncement.CreateAnnouncementCommand(
            Guid.CreateVersion7(), "運営からのお知らせ", "本文", Pinned: false, Public: true, PublishAt: null));

        var page = await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/announcements")).JsonAsync();
        var author = Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("author");
        Assert.Equal(JsonValueKind.Null, author.GetProperty("id").ValueKind);
        Assert.Equal("運営事務局", author.Str("nickname"));
        Assert.True(author.GetProperty("isOfficial").GetBoolean());
        Assert.Empty(author.GetProperty("familyPositions").EnumerateArray());
    }

    [Fact]
    public async Task An_announcement_by_an_official_who_left_is_signed_by_the_office_without_their_member_id()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var member = await _factory.SignUpAsync(_client);
        var id = (await PostAsync(official, new { title = "会員向けのお知らせ", body = "本文", @public = false })).GetProperty("id").GetGuid();
        var leave = await _client.SendAsAsync(official, HttpMethod.Delete, "/api/me", new { password = official.Password, contentHandling = "anonymize" });
        await leave.ShouldBe(HttpStatusCode.Accepted);

        // Everywhere else a departed author has no id (退会したメンバー); an announcement speaks for the office.
        var one = await (await _client.SendAsAsync(member, HttpMethod.Get, $"/api/announcements/{id}")).JsonAsync();
        var page = await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/announcements")).JsonAsync();
        foreach (var author in new[] { one.GetProperty("author"), Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("author") })
        {
            Assert.Equal(JsonValueKind.Null, author.GetProperty("id").ValueKind);
            Assert.Equal("運営事務局", author.Str("nickname"));
            Assert.Empty(author.GetProperty("familyPositions").EnumerateArray());
            Assert.True(author.GetProperty("isOfficial").GetBoolean());
        }

        Assert.DoesNotContain(official.Id.ToString(), one.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(official.Id.ToString(), page.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Members_who_switched_announcement_notices_off_are_not_told()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var quiet = await _factory.SignUpAsync(_client);
        var settings = await (await _client.SendAsAsync(quiet, HttpMethod.Get, "/api/me/notification-settings")).JsonAsync();
        var kinds = settings.GetProperty("kinds").EnumerateArray()
            .Select(k => new { kind = k.Str("kind"), inApp = k.Str("kind") != "announcements" && k.GetProperty("inApp").GetBoolean(), email = k.Str("email") })
            .ToList();
        await (await _client.SendAsAsync(quiet, HttpMethod.Put, "/api/me/notification-settings", new { kinds, digest = settings.GetProperty("digest") })).ShouldBe(HttpStatusCode.OK);

        await PostAsync(official, new { title = "お知らせ", body = "本文", @public = true });
        Assert.Equal(1, await _factory.SendAsync(new DeliverAnnouncementNoticesCommand()));
        Assert.DoesNotContain(await _client.NotificationsAsync(quiet), n => n.Str("kind") == "announcement_published");
    }
}
