using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Salon.Application.Consultations.PurgeRemovedPosts;
using Salon.Application.Members.CleanUpAccounts;
using Salon.Application.Moderation.RunModerationSweep;
using Salon.Application.Notifications.CleanUpNotifications;
using Salon.Application.Notifications.SendPendingEmails;
using Salon.Domain.Moderation;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Moderation;

/// <summary>The background jobs' commands, run the way Hangfire runs them, with a clock the test moves.
/// Each is run twice (and concurrently) to show it is idempotent.</summary>
public sealed class JobTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;

    public JobTests()
    {
        _factory = new SalonApiFactory { Clock = _clock };
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    private async Task<TestMember> FreshTokensAsync(TestMember member) =>
        member with { Tokens = await _client.LoginAsync(member.Email, member.Password) };

    [Fact]
    public async Task The_sweep_opens_one_needs_reply_item_after_24_hours_and_closes_it_once_answered()
    {
        var author = await _factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author, title: "誰か聞いてください");
        var monologue = await _client.CreateTopicAsync(author, board: "monologue");

        _clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, (await _factory.SendAsync(new RunModerationSweepCommand())).NeedsReplyOpened);

        _clock.Advance(TimeSpan.FromHours(2));
        var runs = await Task.WhenAll(
            Task.Run(() => _factory.SendAsync(new RunModerationSweepCommand())),
            Task.Run(() => _factory.SendAsync(new RunModerationSweepCommand())));
        var again = await _factory.SendAsync(new RunModerationSweepCommand());

        Assert.Equal(1, runs.Sum(r => r.NeedsReplyOpened));
        Assert.Equal(0, again.NeedsReplyOpened);
        var items = await _factory.WithDbAsync(db => db.ModerationItems.AsNoTracking().Where(i => i.Kind == ModerationItemKind.NeedsReply).ToListAsync());
        var item = Assert.Single(items);
        Assert.Equal(topicId, item.PostId);
        Assert.DoesNotContain(items, i => i.PostId == monologue);

        var replier = await FreshTokensAsync(await _factory.SignUpAsync(_client));
        await _client.ReplyAsync(replier, topicId);
        var closing = await _factory.SendAsync(new RunModerationSweepCommand());
        Assert.Equal(1, closing.NeedsReplyClosed);
        Assert.Equal(ModerationItemStatus.Resolved, (await _factory.WithDbAsync(db => db.ModerationItems.AsNoTracking().SingleAsync(i => i.Id == item.Id))).Status);
        Assert.Equal(0, (await _factory.SendAsync(new RunModerationSweepCommand())).NeedsReplyClosed);
    }

    [Fact]
    public async Task The_sweep_lifts_suspensions_that_have_ended()
    {
        var member = await _factory.SignUpAsync(_client);
        await _factory.WithDbAsync(async db =>
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            (await db.Members.FindAsync(member.Id))!.Suspend(now.AddDays(2), "冷却期間", now);
            return await db.SaveChangesAsync();
        });

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await _factory.SendAsync(new RunModerationSweepCommand())).SuspensionsLifted);
        _clock.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(1, (await _factory.SendAsync(new RunModerationSweepCommand())).SuspensionsLifted);
        Assert.Equal(0, (await _factory.SendAsync(new RunModerationSweepCommand())).SuspensionsLifted);
        await _client.LoginAsync(member.Email, member.Password);
    }

    [Fact]
    public async Task Removed_posts_are_erased_after_30_days_once()
    {
        var author = await _factory.SignUpAsync(_client);
        var deleted = await _client.CreateTopicAsync(author, title: "消す相談");
        var kept = await _client.CreateTopicAsync(author, title: "残る相談");
        var reply = await _client.ReplyAsync(author, kept, "消す返信");
        await (await _client.SendAsAsync(author, HttpMethod.Delete, $"/api/topics/{deleted}")).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(author, HttpMethod.Delete, $"/api/replies/{reply}")).ShouldBe(HttpStatusCode.NoContent);

        _clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await _factory.SendAsync(new PurgeRemovedPostsCommand()));
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(2, await _factory.SendAsync(new PurgeRemovedPostsCommand()));
        Assert.Equal(0, await _factory.SendAsync(new PurgeRemovedPostsCommand()));

        var (topics, replies) = await _factory.WithDbAsync(async db => (await db.Topics.Select(t => t.Id).ToListAsync(), await db.Replies.CountAsync()));
        Assert.Equal([kept], topics);
        Assert.Equal(0, replies);
    }

    [Fact]
    public async Task Unconfirmed_sign_ups_and_ended_sessions_are_removed_after_their_retention()
    {
        var confirmed = await _factory.SignUpAsync(_client);
        var email = ApiClient.UniqueEmail("never-confirmed");
        await (await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(email, "まだ確認前"))).ShouldBe(HttpStatusCode.Created);
        await (await _client.SendAsAsync(confirmed, HttpMethod.Post, "/api/auth/logout")).ShouldBe(HttpStatusCode.NoContent);

        _clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, (await _factory.SendAsync(new CleanUpAccountsCommand())).ExpiredSignUps);
        _clock.Advance(TimeSpan.FromDays(25));
        var result = await _factory.SendAsync(new CleanUpAccountsCommand());
        Assert.Equal(2, result.ExpiredSignUps); // the confirmed member's sign-up record and the unconfirmed one
        Assert.True(result.EndedSessions >= 1);
        var again = await _factory.SendAsync(new CleanUpAccountsCommand());
        Assert.Equal(new CleanUpAccountsResult(0, 0, 0), again);

        var (signUps, accounts, members) = await _factory.WithDbAsync(async db => (
            await db.SignUps.CountAsync(),
            await db.Users.CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant()),
            await db.Members.CountAsync(m => m.Id == confirmed.Id)));
        Assert.Equal(0, signUps);
        Assert.Equal(0, accounts);
        Assert.Equal(1, members);

        // The nickname of the removed account is free again.
        await (await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail(), "まだ確認前"))).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Read_notifications_and_finished_mail_are_removed_after_their_retention_but_pending_mail_is_kept()
    {
        var member = await _factory.SignUpAsync(_client);
        await _factory.SendAsync(new SendPendingEmailsCommand());
        await _factory.WithDbAsync(async db =>
        {
            db.Notifications.Add(Salon.Domain.Notifications.Notification.Create(member.Id, "test", "既読", "read", null, null, _clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
        await (await _client.SendAsAsync(member, HttpMethod.Post, "/api/notifications/read", new { })).ShouldBe(HttpStatusCode.NoContent);

        _clock.Advance(TimeSpan.FromDays(91));
        await (await _client.PostAsJsonAsync("/api/auth/forgot-password", new { email = member.Email })).ShouldBe(HttpStatusCode.Accepted);

        var result = await _factory.SendAsync(new CleanUpNotificationsCommand());
        Assert.Equal(1, result.ReadNotifications);
        Assert.True(result.FinishedEmails >= 1);
        Assert.Equal(new CleanUpNotificationsResult(0, 0), await _factory.SendAsync(new CleanUpNotificationsCommand()));
        var pending = await _factory.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.Kind == "password-reset"));
        Assert.Equal(1, pending);
    }

    [Fact]
    public async Task Readiness_degrades_when_mail_waits_in_the_outbox_for_more_than_15_minutes()
    {
        await (await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail(), ApiClient.UniqueNickname()))).ShouldBe(HttpStatusCode.Created);
        Assert.Equal("Healthy", await (await _client.GetAsync("/health/ready")).Content.ReadAsStringAsync());

        _clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal("Degraded", await (await _client.GetAsync("/health/ready")).Content.ReadAsStringAsync());

        await _factory.SendAsync(new SendPendingEmailsCommand());
        Assert.Equal("Healthy", await (await _client.GetAsync("/health/ready")).Content.ReadAsStringAsync());
    }
}
