using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Salon.Application.Notifications.SendDueDigests;
using Salon.Application.Notifications.SendPendingEmails;
using Salon.Domain.Consultations;
using Salon.Domain.Notifications;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;
using Salon.IntegrationTests.Meetings;

namespace Salon.IntegrationTests.Notifications;

/// <summary>Digests, with the clock under the test's control. Monday 2 November 2026, 09:00 in Japan is
/// the start; a daily digest at 20:00 is first due on Tuesday at 20:00 (on Monday the reader has been on
/// the site since the previous slot).</summary>
public sealed class DigestTests : IAsyncDisposable
{
    private static readonly DateTimeOffset MondayMorningJst = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(MondayMorningJst);
    private readonly TestSmtpServer _smtp = new();
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;

    public DigestTests()
    {
        _factory = new SalonApiFactory { Clock = _clock };
        _smtp.UseFor(_factory);
        _client = _factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _factory.Dispose();
        await _smtp.DisposeAsync();
    }

    /// <summary>Sets the clock to a Japan wall-clock time.</summary>
    private void At(int day, int hour, int minute = 0)
    {
        var target = new DateTimeOffset(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(9));
        _clock.Advance(target - _clock.GetUtcNow());
    }

    private async Task<TestMember> FreshAsync(TestMember member) => member with { Tokens = await _client.LoginAsync(member.Email, member.Password) };

    private async Task<TestMember> DailyReaderAsync(string[]? positions = null)
    {
        var reader = await _factory.SignUpAsync(_client, positions: positions);
        await (await _client.SendAsAsync(reader, HttpMethod.Put, "/api/me/notification-settings", new { digest = new { frequency = "daily", hour = 20 } }))
            .ShouldBe(HttpStatusCode.OK);
        return reader;
    }

    private async Task<List<OutboxEmail>> DigestsToAsync(TestMember member) =>
        (await _factory.AllToAsync(member.Email)).Where(m => m.Kind == "digest").ToList();

    private async Task ReactAsync(Guid postId, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var reactor = await _factory.SignUpAsync(_client);
            await (await _client.SendAsAsync(reactor, HttpMethod.Put, $"/api/posts/{postId}/reactions/relate")).ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task A_due_member_gets_one_neutral_digest_over_smtp_with_their_sections_crisis_lines_and_a_working_unsubscribe()
    {
        var reader = await DailyReaderAsync(["sibling"]);
        var author = await _factory.SignUpAsync(_client, positions: ["parent"]);
        var followed = await _client.CreateTopicAsync(author, title: "夜に眠れない父のこと");
        await _client.SendAsAsync(reader, HttpMethod.Put, $"/api/topics/{followed}/follow");

        At(2, 10);
        author = await FreshAsync(author);
        var replier = await _factory.SignUpAsync(_client, nickname: "こたえるひと" + Guid.NewGuid().ToString("N")[..4]);
        await _client.ReplyAsync(replier, followed, "うちも同じでした");
        await _client.ReplyAsync(replier, followed, "匿名でもう一言", anonymous: true);
        var popular = await _client.CreateTopicAsync(author, title: "仕事と介護の両立について");
        await ReactAsync(popular, 3);
        var waiting = await _client.CreateTopicAsync(author, title: "はじめての入院で不安です");
        await _client.CreateTopicAsync(author, board: "parents", title: "親の立場だけの話");

        At(3, 20, 5);
        var result = await _factory.SendAsync(new SendDueDigestsCommand());

        Assert.True(result.Sent >= 1);
        var digest = Assert.Single(await DigestsToAsync(reader));
        Assert.Contains("夜に眠れない父のこと（新しい返信 2件", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("よく読まれている新しい相談", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("仕事と介護の両立について", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("まだ返信のない相談", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://salon.test/topics/{waiting}", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("親の立場だけの話", digest.TextBody, StringComparison.Ordinal); // a board for parents; the reader is a sibling
        foreach (var secret in new[] { replier.Nickname, author.Nickname, "うちも同じでした", "匿名でもう一言" })
        {
            Assert.DoesNotContain(secret, digest.TextBody + digest.HtmlBody, StringComparison.Ordinal);
        }

        var crisisLine = (await (await _client.GetAsync("/api/safety/resources")).JsonAsync()).EnumerateArray().First().GetProperty("name").GetString()!;
        Assert.Contains(crisisLine, digest.TextBody, StringComparison.Ordinal);

        await _factory.SendAsync(new SendPendingEmailsCommand(BatchSize: 1000));
        var message = Assert.Single(_smtp.Messages, m => m.To.Mailboxes.Single().Address == reader.Email && (m.TextBody ?? string.Empty).Contains("まだ返信のない相談", StringComparison.Ordinal));
        Assert.Equal("サロンからのお知らせ / A message from Salon", message.Subject);
        Assert.Equal($"<{digest.UnsubscribeUrl}>", message.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("仕事と介護の両立について", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(crisisLine, message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(digest.UnsubscribeUrl!, message.TextBody, StringComparison.Ordinal);

        var link = new Uri(digest.UnsubscribeUrl!).PathAndQuery;
        await (await _client.PostAsync(link, null)).ShouldBe(HttpStatusCode.NoContent);
        var digestSetting = await _factory.WithDbAsync(db => db.DigestPreferences.AsNoTracking().SingleAsync(p => p.MemberId == reader.Id));
        Assert.Equal(DigestFrequency.Off, digestSetting.Frequency);
    }

    [Fact]
    public async Task Reactions_and_moderation_notices_chosen_for_the_digest_appear_in_it_without_naming_anyone()
    {
        var reader = await DailyReaderAsync();
        var topic = await _client.CreateTopicAsync(reader, title: "妻の通院に付き添うこと");
        At(2, 10);
        await ReactAsync(topic, 3);

        At(3, 20, 5);
        await _factory.SendAsync(new SendDueDigestsCommand());

        var digest = Assert.Single(await DigestsToAsync(reader));
        Assert.Contains("あなたへのお知らせ", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("あなたの投稿に、3人が『わかる』と反応しました。", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://salon.test/notifications", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_digest_lists_new_announcements_and_meetings_the_reader_can_still_join()
    {
        var reader = await DailyReaderAsync(["sibling"]);
        var official = await _factory.CreateOfficialAsync(_client);
        At(2, 10);
        official = await FreshAsync(official);
        var start = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
        var forSiblings = await _client.CreateMeetingAsync(official, new { title = "きょうだいの集い・冬", startsAt = start, endsAt = start.AddHours(2), format = "online", capacity = 5, eligibility = new[] { "sibling" } });
        await _client.CreateMeetingAsync(official, new { title = "親の会だけの集い", startsAt = start, endsAt = start.AddHours(2), format = "online", capacity = 5, eligibility = new[] { "parent" } });
        var applied = await _client.CreateMeetingAsync(official, new { title = "申込済みの集い", startsAt = start, endsAt = start.AddHours(2), format = "online", capacity = 5 });
        await _client.ApplyAsync(await FreshAsync(reader), applied);
        At(2, 10, 30); // the reader's last visit was before the announcements
        official = await FreshAsync(official);
        await (await _client.SendAsAsync(official, HttpMethod.Post, "/api/announcements", new { title = "年末年始の休業について", body = "本文", @public = false })).ShouldBe(HttpStatusCode.Created);
        await (await _client.SendAsAsync(official, HttpMethod.Post, "/api/announcements", new { title = "まだ先のお知らせ", body = "本文", publishAt = new DateTime(2026, 12, 20, 0, 0, 0, DateTimeKind.Utc) })).ShouldBe(HttpStatusCode.Created);

        At(3, 20, 5);
        await _factory.SendAsync(new SendDueDigestsCommand());

        var digest = Assert.Single(await DigestsToAsync(reader));
        Assert.Contains("運営からのお知らせ", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("年末年始の休業について", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("参加できる交流会", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("11/20 19:00（オンライン）きょうだいの集い・冬", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/meetings/{forSiblings}", digest.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("親の会だけの集い", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("申込済みの集い", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("まだ先のお知らせ", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hidden_held_deleted_and_blocked_named_posts_never_appear_and_anonymous_authors_stay_unnamed()
    {
        var reader = await DailyReaderAsync();
        var blocked = await _factory.SignUpAsync(_client, nickname: "ブロック対象" + Guid.NewGuid().ToString("N")[..4]);
        var author = await _factory.SignUpAsync(_client, nickname: "とくめいの人" + Guid.NewGuid().ToString("N")[..4]);
        var followed = await _client.CreateTopicAsync(author, title: "フォローしている相談");
        await _client.SendAsAsync(reader, HttpMethod.Put, $"/api/topics/{followed}/follow");
        await _client.SendAsAsync(reader, HttpMethod.Put, $"/api/me/blocks/{blocked.Id}");

        At(2, 10);
        author = await FreshAsync(author);
        blocked = await FreshAsync(blocked);
        await _client.CreateTopicAsync(blocked, title: "ブロックした人の相談");
        await _client.CreateTopicAsync(blocked, title: "匿名の相談その二", anonymous: true); // a block never touches anonymous posts (ADR 0016)
        await _client.ReplyAsync(blocked, followed, "ブロックした人の返信");
        await _client.ReplyAsync(blocked, followed, "匿名の返信", anonymous: true);
        var hidden = await _client.CreateTopicAsync(author, title: "非表示の相談");
        var held = await _client.CreateTopicAsync(author, title: "保留中の相談");
        var deleted = await _client.CreateTopicAsync(author, title: "削除された相談");
        await (await _client.SendAsAsync(author, HttpMethod.Delete, $"/api/topics/{deleted}")).ShouldBe(HttpStatusCode.NoContent);
        await _client.CreateTopicAsync(author, title: "見えている匿名の相談", anonymous: true);
        var other = await _factory.SignUpAsync(_client);
        var hiddenReply = await _client.ReplyAsync(other, followed, "非表示の返信");
        await _client.ReplyAsync(other, followed, "見えている返信");
        var hiddenByReader = await _client.CreateTopicAsync(author, title: "読む人が隠した相談", anonymous: true);
        var replyHiddenByReader = await _client.ReplyAsync(other, followed, "読む人が隠した返信");
        var reader2 = await FreshAsync(reader);
        await (await _client.SendAsAsync(reader2, HttpMethod.Put, $"/api/posts/{hiddenByReader}/hide")).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(reader2, HttpMethod.Put, $"/api/posts/{replyHiddenByReader}/hide")).ShouldBe(HttpStatusCode.NoContent);
        await _factory.WithDbAsync(db => db.Members.Where(m => m.Id == reader.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastSeenAt, MondayMorningJst.UtcDateTime)));
        await _factory.WithDbAsync(async db =>
        {
            (await db.Topics.FindAsync(hidden))!.SetVisibility(PostVisibility.Hidden, DateTime.UtcNow);
            (await db.Topics.FindAsync(held))!.SetVisibility(PostVisibility.Held, DateTime.UtcNow);
            (await db.Replies.FindAsync(hiddenReply))!.SetVisibility(PostVisibility.Hidden, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        At(3, 20, 5);
        await _factory.SendAsync(new SendDueDigestsCommand());

        var text = Assert.Single(await DigestsToAsync(reader)).TextBody;
        Assert.Contains("見えている匿名の相談", text, StringComparison.Ordinal);
        Assert.Contains("匿名の相談その二", text, StringComparison.Ordinal);
        Assert.Contains("フォローしている相談（新しい返信 2件", text, StringComparison.Ordinal); // the visible one and the blocked member's anonymous one
        foreach (var absent in new[] { "ブロックした人", "非表示の相談", "保留中の相談", "削除された相談", "読む人が隠した相談", author.Nickname, blocked.Nickname, "見えている返信" })
        {
            Assert.DoesNotContain(absent, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Running_twice_or_concurrently_sends_one_digest_per_period_and_the_next_one_covers_only_what_is_new()
    {
        var reader = await DailyReaderAsync();
        var author = await _factory.SignUpAsync(_client);
        var followed = await _client.CreateTopicAsync(author, title: "見守っている相談");
        await _client.SendAsAsync(reader, HttpMethod.Put, $"/api/topics/{followed}/follow");
        At(2, 10);
        var replier = await _factory.SignUpAsync(_client);
        await _client.ReplyAsync(replier, followed);
        await _client.ReplyAsync(replier, followed);

        At(3, 20, 5);
        var concurrent = await Task.WhenAll(
            Task.Run(() => _factory.SendAsync(new SendDueDigestsCommand(BatchSize: 1))),
            Task.Run(() => _factory.SendAsync(new SendDueDigestsCommand(BatchSize: 1))));
        var again = await _factory.SendAsync(new SendDueDigestsCommand());

        Assert.Single(await DigestsToAsync(reader));
        Assert.Equal(0, again.Sent + again.Empty);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.DigestRuns.CountAsync(r => r.MemberId == reader.Id)));
        Assert.True(concurrent.Sum(r => r.Sent) >= 1);

        // Half an hour later the period is the same: nothing more.
        At(3, 20, 35);
        Assert.Single(await DigestsToAsync(reader));
        Assert.Equal(0, (await _factory.SendAsync(new SendDueDigestsCommand())).Sent);

        At(4, 10);
        replier = await FreshAsync(replier);
        await _client.ReplyAsync(replier, followed);
        At(4, 20, 5);
        await _factory.SendAsync(new SendDueDigestsCommand());

        var digests = await DigestsToAsync(reader);
        Assert.Equal(2, digests.Count);
        Assert.Contains("見守っている相談（新しい返信 1件", digests[1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_eligible_members_get_a_digest_and_one_with_nothing_new_gets_no_mail_but_is_recorded()
    {
        var eligible = await DailyReaderAsync();
        var seenSinceLastSlot = await DailyReaderAsync();
        var unconfirmed = await DailyReaderAsync();
        var suspended = await DailyReaderAsync();
        var digestOff = await DailyReaderAsync();
        var longAway = await DailyReaderAsync();
        var undeliverable = await DailyReaderAsync();
        await (await _client.SendAsAsync(digestOff, HttpMethod.Put, "/api/me/notification-settings", new { digest = new { frequency = "off", hour = 20 } }))
            .ShouldBe(HttpStatusCode.OK);

        At(2, 10);
        var author = await _factory.SignUpAsync(_client);
        await _client.CreateTopicAsync(author, title: "だれか話を聞いてください");

        At(2, 11);
        var nothingNew = await DailyReaderAsync(); // last seen after the only news

        At(3, 12);
        seenSinceLastSlot = await FreshAsync(seenSinceLastSlot);
        await (await _client.SendAsAsync(seenSinceLastSlot, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.OK);
        await _factory.WithDbAsync(async db =>
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            (await db.Members.FindAsync(suspended.Id))!.Suspend(null, "test", now);
            (await db.Users.FindAsync(unconfirmed.Id))!.EmailConfirmed = false;
            db.UndeliverableAddresses.Add(UndeliverableAddress.Mark(undeliverable.Email, "smtp 550", now));
            await db.SaveChangesAsync();
            return await db.Members.Where(m => m.Id == longAway.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastSeenAt, now.AddDays(-181)));
        });

        At(3, 20, 5);
        var result = await _factory.SendAsync(new SendDueDigestsCommand());

        Assert.Single(await DigestsToAsync(eligible));
        foreach (var member in new[] { seenSinceLastSlot, unconfirmed, suspended, digestOff, longAway, undeliverable, nothingNew })
        {
            Assert.Empty(await DigestsToAsync(member));
        }

        var recorded = await _factory.WithDbAsync(db => db.DigestRuns.AsNoTracking().SingleAsync(r => r.MemberId == nothingNew.Id));
        Assert.False(recorded.Sent);
        Assert.True(result.Empty >= 1);
    }

    [Fact]
    public async Task Using_the_site_records_last_seen_at_most_every_five_minutes()
    {
        var member = await _factory.SignUpAsync(_client);
        Task<DateTime?> LastSeenAsync() => _factory.WithDbAsync(db => db.Members.AsNoTracking().Where(m => m.Id == member.Id).Select(m => m.LastSeenAt).SingleAsync());
        Task<HttpResponseMessage> VisitAsync() => _client.SendAsAsync(member, HttpMethod.Get, "/api/notifications");

        await (await VisitAsync()).ShouldBe(HttpStatusCode.OK);
        var first = await LastSeenAsync();
        Assert.Equal(MondayMorningJst.UtcDateTime, first);

        _clock.Advance(TimeSpan.FromMinutes(4));
        await (await VisitAsync()).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(first, await LastSeenAsync());

        _clock.Advance(TimeSpan.FromMinutes(2));
        await (await VisitAsync()).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(MondayMorningJst.UtcDateTime.AddMinutes(6), await LastSeenAsync());
    }

    [Fact]
    public async Task By_default_the_digest_is_weekly_on_sunday_evening()
    {
        var member = await _factory.SignUpAsync(_client);
        await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.OK);
        At(2, 10);
        var author = await _factory.SignUpAsync(_client);
        await _client.CreateTopicAsync(author, title: "週末に読んでほしい相談");

        At(8, 20, 5); // seen on Monday, after the previous Sunday's slot: nothing to catch up on yet
        await _factory.SendAsync(new SendDueDigestsCommand());
        Assert.Empty(await DigestsToAsync(member));

        At(14, 20, 5); // Saturday: not a weekly slot
        await _factory.SendAsync(new SendDueDigestsCommand());
        Assert.Empty(await DigestsToAsync(member));

        At(15, 20, 5);
        await _factory.SendAsync(new SendDueDigestsCommand());
        Assert.Contains("週末に読んでほしい相談", Assert.Single(await DigestsToAsync(member)).TextBody, StringComparison.Ordinal);
    }
}
