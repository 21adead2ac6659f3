using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Salon.IntegrationTests.Infrastructure;
using Salon.WebApi.Common;

namespace Salon.IntegrationTests.Platform;

/// <summary>The trimming of docs/adr/0050 reaches glibc (the tests run on Debian's glibc, as CI does): the C library
/// is recognised, <c>malloc_trim</c> is found, and the host runs the trimmer.</summary>
public sealed class NativeHeapTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    [Fact]
    public void On_glibc_the_host_gives_mallocs_free_memory_back()
    {
        var trimmers = factory.Services.GetServices<IHostedService>().OfType<NativeHeapTrimmer>();
        if (!OperatingSystem.IsLinux())
        {
            Assert.False(NativeHeap.CanTrim);
            Assert.Empty(trimmers);
            return;
        }

        Assert.True(NativeHeap.CanTrim);
        _ = NativeHeap.Trim();
        Assert.Single(trimmers);
    }
}
