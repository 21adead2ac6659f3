using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Domain.Common;
using Salon.Infrastructure.Identity;

namespace Salon.UnitTests.Infrastructure;

public sealed class SessionCacheTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc);

    private static CachedSession Session(DateTime trustedUntil) =>
        new(Guid.NewGuid(), Guid.NewGuid(), MemberRoles.None, null, new DateTimeOffset(Now.AddMinutes(15)), trustedUntil);

    [Fact]
    public void A_session_is_trusted_until_its_time_and_not_after()
    {
        var cache = new SessionCache(Options.Create(new SalonOptions()));
        var session = Session(Now.AddSeconds(5));
        cache.Store("token", session, cache.Epoch);

        Assert.Same(session, cache.Find("token", Now.AddSeconds(4)));
        Assert.Null(cache.Find("token", Now.AddSeconds(5)));
        Assert.Null(cache.Find("token", Now));
    }

    [Fact]
    public void A_lookup_that_read_the_database_before_an_invalidation_is_not_kept()
    {
        var cache = new SessionCache(Options.Create(new SalonOptions()));
        var epoch = cache.Epoch;

        cache.Invalidate();
        cache.Store("token", Session(Now.AddSeconds(5)), epoch);

        Assert.Null(cache.Find("token", Now));
    }

    [Fact]
    public void Invalidate_forgets_every_session_and_a_zero_duration_keeps_none()
    {
        var cache = new SessionCache(Options.Create(new SalonOptions()));
        cache.Store("token", Session(Now.AddSeconds(5)), cache.Epoch);
        cache.Invalidate();
        Assert.Null(cache.Find("token", Now));

        var off = new SessionCache(Options.Create(new SalonOptions { SessionCacheDuration = TimeSpan.Zero }));
        off.Store("token", Session(Now.AddSeconds(5)), off.Epoch);
        Assert.Null(off.Find("token", Now));
    }
}
