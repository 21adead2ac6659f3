using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Salon.Application.Notifications.DeliverAnnouncementNotices;
using Salon.Application.Notifications.SendPendingEmails;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;
using Salon.IntegrationTests.Meetings;

namespace Salon.IntegrationTests.Notifications;

/// <summary>Immediate e-mail for the kinds a member chose, and what happens when an address bounces.</summary>
public sealed class ImmediateNoticeTests : IAsyncDisposable
{
    private readonly TestSmtpServer _smtp = new();
    private readonly SalonApiFactory _factory = new();
    private readonly HttpClient _client;

    public ImmediateNoticeTests()
    {
        _smtp.UseFor(_factory);
        _client = _factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _factory.Dispose();
        await _smtp.DisposeAsync();
    }

    private Task<HttpResponseMessage> ChooseAsync(TestMember member, string kind, string email) =>
        _client.SendAsAsync(member, HttpMethod.Put, "/api/me/notification-settings", new { kinds = new[] { new { kind, inApp = true, email } } });

    [Fact]
    public async Task Followers_who_chose_immediate_get_a_neutral_text_and_html_mail_with_one_click_unsubscribe_and_others_get_none()
    {
        var author = await _factory.SignUpAsync(_client);
        var eager = await _factory.SignUpAsync(_client);
        var quiet = await _factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author, title: "兄の病気のこと");
        await _client.SendAsAsync(eager, HttpMethod.Put, $"/api/topics/{topicId}/follow");
        await _client.SendAsAsync(quiet, HttpMethod.Put, $"/api/topics/{topicId}/follow");
        await (await ChooseAsync(eager, "reply_in_followed_topic", "immediate")).ShouldBe(HttpStatusCode.OK);
        await (await ChooseAsync(quiet, "reply_in_followed_topic", "off")).ShouldBe(HttpStatusCode.OK);

        var replier = await _factory.SignUpAsync(_client);
        await _client.ReplyAsync(replier, topicId, "わかります");
        await _factory.SendAsync(new SendPendingEmailsCommand(BatchSize: 1000));

        var message = Assert.Single(_smtp.Messages, m => m.To.Mailboxes.Single().Address == eager.Email && (m.TextBody ?? string.Empty).Contains("フォロー中", StringComparison.Ordinal));
        Assert.Equal("サロンからのお知らせ / A message from Salon", message.Subject);
        Assert.StartsWith("<https://salon.test/api/unsubscribe?token=", message.Headers[HeaderId.ListUnsubscribe], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.NotNull(message.HtmlBody);
        Assert.Contains($"https://salon.test/topics/{topicId}", message.HtmlBody, StringComparison.Ordinal);
        foreach (var secret in new[] { "兄の病気", "わかります", replier.Nickname, "雑談" })
        {
            Assert.DoesNotContain(secret, message.Subject + message.TextBody + message.HtmlBody, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(_smtp.Messages, m => m.To.Mailboxes.Single().Address == quiet.Email && (m.TextBody ?? string.Empty).Contains("フォロー中", StringComparison.Ordinal));
        Assert.DoesNotContain(_smtp.Messages, m => m.To.Mailboxes.Single().Address == replier.Email && (m.TextBody ?? string.Empty).Contains("返信", StringComparison.Ordinal));

        var link = message.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>');
        await (await _client.PostAsync(new Uri(link).PathAndQuery, null)).ShouldBe(HttpStatusCode.NoContent);
        var settings = await _client.ListAsync(eager, "/api/me/notification-settings");
        Assert.Equal("off", settings.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "reply_in_followed_topic").GetProperty("email").GetString());
    }

    [Fact]
    public async Task Meeting_and_announcement_notices_go_by_email_only_to_members_who_chose_immediate_and_never_name_the_meeting()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var eager = await _factory.SignUpAsync(_client);
        var byDigest = await _factory.SignUpAsync(_client);
        await (await ChooseAsync(eager, "meetings", "immediate")).ShouldBe(HttpStatusCode.OK);
        await (await ChooseAsync(eager, "announcements", "immediate")).ShouldBe(HttpStatusCode.OK);

        var meeting = await _client.CreateMeetingAsync(official, MeetingScenario.Online(DateTime.UtcNow.AddDays(5), capacity: 1));
        await _client.ApplyAsync(byDigest, meeting);
        await _client.ApplyAsync(eager, meeting); // waitlisted
        await (await _client.SendAsAsync(byDigest, HttpMethod.Delete, $"/api/meetings/{meeting}/applications/me")).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(official, HttpMethod.Post, "/api/announcements", new { title = "年末の休業のお知らせ", body = "本文", @public = true })).ShouldBe(HttpStatusCode.Created);
        await _factory.SendAsync(new DeliverAnnouncementNoticesCommand());
        await _factory.SendAsync(new SendPendingEmailsCommand(BatchSize: 1000));

        var mine = _smtp.Messages.Where(m => m.To.Mailboxes.Single().Address == eager.Email && (m.TextBody ?? string.Empty).Contains("お知らせがあります", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, mine.Count); // waitlisted, promoted, announcement
        Assert.Contains(mine, m => (m.TextBody ?? string.Empty).Contains("交流会についてお知らせ", StringComparison.Ordinal) && (m.HtmlBody ?? string.Empty).Contains($"/meetings/{meeting}", StringComparison.Ordinal));
        Assert.Contains(mine, m => (m.TextBody ?? string.Empty).Contains("新しいお知らせ", StringComparison.Ordinal));
        Assert.All(mine, m =>
        {
            Assert.Equal("サロンからのお知らせ / A message from Salon", m.Subject);
            Assert.NotNull(m.Headers[HeaderId.ListUnsubscribe]);
            Assert.DoesNotContain("オンライン交流会", m.TextBody + m.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("年末の休業", m.TextBody + m.HtmlBody, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(_smtp.Messages, m => m.To.Mailboxes.Single().Address == byDigest.Email && (m.TextBody ?? string.Empty).Contains("交流会", StringComparison.Ordinal));
        Assert.DoesNotContain(_smtp.Messages, m => m.To.Mailboxes.Single().Address == official.Email && (m.TextBody ?? string.Empty).Contains("新しいお知らせ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bounced_address_stops_mail_shows_a_notice_in_me_and_a_confirmed_new_address_clears_it()
    {
        var member = await _factory.SignUpAsync(_client, email: ApiClient.UniqueEmail("bounce"));
        var topicId = await _client.CreateTopicAsync(member);
        var replier = await _factory.SignUpAsync(_client);
        await _client.ReplyAsync(replier, topicId);
        await _factory.SendAsync(new SendPendingEmailsCommand(BatchSize: 1000));

        var me = await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/me")).JsonAsync();
        Assert.True(me.GetProperty("emailUndeliverable").GetBoolean());
        Assert.Contains("メールアドレス", me.GetProperty("emailNotice").GetString(), StringComparison.Ordinal);

        // No more mail is even queued for the bounced address.
        var before = (await _factory.AllToAsync(member.Email)).Count;
        await _client.ReplyAsync(replier, topicId);
        Assert.Equal(before, (await _factory.AllToAsync(member.Email)).Count);

        var newEmail = ApiClient.UniqueEmail("fixed");
        await (await _client.SendAsAsync(member, HttpMethod.Put, "/api/me/email", new { newEmail, currentPassword = member.Password })).ShouldBe(HttpStatusCode.Accepted);
        var change = await _factory.LatestToAsync(newEmail, "email-change-confirmation");
        await (await _client.PostAsJsonAsync("/api/auth/confirm-email-change", new { userId = member.Id, email = newEmail, token = change.Value("token") })).ShouldBe(HttpStatusCode.NoContent);
        member = member with { Email = newEmail, Tokens = await _client.LoginAsync(newEmail, member.Password) };

        me = await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/me")).JsonAsync();
        Assert.False(me.GetProperty("emailUndeliverable").GetBoolean());
        Assert.Equal(JsonValueKindNull, me.GetProperty("emailNotice").ValueKind);
        await _client.ReplyAsync(replier, topicId);
        Assert.Single(await _factory.AllToAsync(newEmail), m => m.Kind == "reply-notice");
    }

    [Fact]
    public async Task A_decision_about_my_post_is_always_shown_in_app_and_e_mailed_neutrally_when_i_chose_immediate()
    {
        var author = await _factory.SignUpAsync(_client);
        await (await _client.SendAsAsync(author, HttpMethod.Put, "/api/me/notification-settings", new { kinds = new[] { new { kind = "moderation", inApp = false, email = "immediate" } } }))
            .ShouldBe(HttpStatusCode.OK);
        var moderator = await _factory.SignUpAsync(_client);
        await _factory.WithDbAsync(async db =>
        {
            (await db.Members.FindAsync(moderator.Id))!.SetRoles(Salon.Domain.Common.MemberRoles.Moderator, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var topicId = await _client.CreateTopicAsync(author, title: "電話番号を書いてしまった相談", body: "電話番号は090-xxxx です");

        await (await _client.SendAsAsync(moderator, HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "personal_info" })).ShouldBe(HttpStatusCode.Created);

        var notices = (await _client.ListAsync(author, "/api/notifications")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("moderation_hidden", Assert.Single(notices).GetProperty("kind").GetString());
        var mail = Assert.Single(await _factory.AllToAsync(author.Email), m => m.Kind == "notice-moderation");
        Assert.Equal("サロンからのお知らせ / A message from Salon", mail.Subject);
        Assert.Contains("運営チームからお知らせがあります", mail.TextBody, StringComparison.Ordinal);
        foreach (var secret in new[] { "電話番号", "090", "非表示", "報告" })
        {
            Assert.DoesNotContain(secret, mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        }
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
