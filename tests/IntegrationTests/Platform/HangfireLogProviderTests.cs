using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>Hangfire's log provider is one per process; with several hosts in the process it logs to the newest one still
/// alive (<c>LiveHostsLogProvider</c>), not to the disposed factory of the host that configured it last, which failed
/// another host's job client and workers with ObjectDisposedException. Alone, so that no other test's host is the
/// newest.</summary>
[Collection(AloneCollection.Name)]
public sealed class HangfireLogProviderTests
{
    [Fact]
    public void Hangfire_logs_to_a_live_host_after_the_host_that_configured_it_last_is_disposed()
    {
        using var first = new SalonApiFactory();
        _ = first.Services.GetRequiredService<IGlobalConfiguration>();
        using (var second = new SalonApiFactory())
        {
            _ = second.Services.GetRequiredService<IGlobalConfiguration>();
        }

        var marker = "hangfire-log-" + Guid.NewGuid().ToString("N");
        Hangfire.Logging.LogProvider.GetLogger("Salon.Tests.HangfireLog").Log(Hangfire.Logging.LogLevel.Warn, () => marker);

        Assert.Contains(first.Logs.Entries, e => e.Message.Contains(marker, StringComparison.Ordinal));
        // And the first host's job client works: it takes its logger when it is made.
        Assert.NotNull(first.Services.GetRequiredService<IBackgroundJobClient>());
    }
}
