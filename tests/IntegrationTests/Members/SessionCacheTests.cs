using System.Net;
using Microsoft.Extensions.Time.Testing;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Members;

/// <summary>ADR 0024: each instance keeps open sessions in memory for <c>Salon:SessionCacheDuration</c> (5 s).
/// A change made on an instance applies on its very next request; another instance on the same database
/// applies it once its record is older than the cache duration, at the latest.</summary>
public sealed class SessionCacheTests : IDisposable
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly SalonApiFactory _a;
    private readonly SalonApiFactory _b;

    public SessionCacheTests()
    {
        var directory = Path.Combine(Path.GetTempPath(), "salon-tests", Guid.NewGuid().ToString("N"));
        _a = new SalonApiFactory { Directory = directory, KeepDirectory = true, Clock = _clock };
        _b = new SalonApiFactory { Directory = directory, Clock = _clock };
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }

    [Fact]
    public async Task A_logout_applies_at_once_on_its_instance_and_within_the_cache_duration_on_another()
    {
        var clientA = _a.CreateClient();
        var clientB = _b.CreateClient();
        var member = await _a.SignUpAsync(clientA);
        await (await clientB.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.OK);

        await (await clientA.SendAsAsync(member, HttpMethod.Post, "/api/auth/logout")).ShouldBe(HttpStatusCode.NoContent);

        await (await clientA.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.Unauthorized);

        // B read the session before the logout and may trust that for the cache duration, not longer.
        await (await clientB.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.OK);
        _clock.Advance(CacheDuration);
        await (await clientB.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_suspension_ends_the_members_next_request_on_the_same_instance()
    {
        var client = _a.CreateClient();
        var moderator = await _a.SignUpModeratorAsync(client);
        var member = await _a.SignUpAsync(client);
        await (await client.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.OK);

        var suspend = await client.SendAsAsync(moderator, HttpMethod.Post, $"/api/moderation/members/{member.Id}/suspend", new { reason = "テスト" });
        Assert.True(suspend.IsSuccessStatusCode, $"suspend: {(int)suspend.StatusCode}");

        await (await client.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_role_taken_away_on_one_instance_applies_there_at_once_and_on_the_other_within_the_cache_duration()
    {
        var clientA = _a.CreateClient();
        var clientB = _b.CreateClient();
        var moderator = await _a.SignUpModeratorAsync(clientA);
        await (await clientA.SendAsAsync(moderator, HttpMethod.Get, "/api/moderation/queue")).ShouldBe(HttpStatusCode.OK);
        await (await clientB.SendAsAsync(moderator, HttpMethod.Get, "/api/moderation/queue")).ShouldBe(HttpStatusCode.OK);

        await _a.WithDbAsync(async db =>
        {
            (await db.Members.FindAsync(moderator.Id))!.SetRoles(Salon.Domain.Common.MemberRoles.None, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        await (await clientA.SendAsAsync(moderator, HttpMethod.Get, "/api/moderation/queue")).ShouldBe(HttpStatusCode.Forbidden);
        _clock.Advance(CacheDuration);
        await (await clientB.SendAsAsync(moderator, HttpMethod.Get, "/api/moderation/queue")).ShouldBe(HttpStatusCode.Forbidden);
    }
}
