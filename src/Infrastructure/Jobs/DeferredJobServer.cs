using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Salon.Infrastructure.Jobs;

/// <summary>Starts the Hangfire server and registers the recurring jobs in the background once the instance has first
/// answered ready (<see cref="JobServerStart"/>), or at the latest <see cref="JobsOptions.ServerStartDelaySeconds"/> after
/// the host started, instead of as hosted services that the start waits for: they cost ~0.3 s of CPU at every start
/// (the server's processes, the recurring schedules), none of which readiness needs. Jobs enqueued meanwhile wait in
/// the storage and run once the server is up (docs/adr/0030).</summary>
internal sealed class DeferredJobServer(
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    JobsOptions options,
    JobServerStart start,
    IReadOnlyList<Func<IServiceProvider, IHostedService>> servers,
    ILogger<DeferredJobServer> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<IHostedService> _started = [];
    private Task _start = Task.CompletedTask;

    /// <summary>Puts the hosted services that <paramref name="register"/> adds (Hangfire's server) behind one
    /// <see cref="DeferredJobServer"/>, together with <see cref="RecurringJobsRegistration"/>.</summary>
    public static void Add(IServiceCollection services, JobsOptions options, Action<IServiceCollection> register)
    {
        var before = services.Where(d => d.ServiceType == typeof(IHostedService)).ToHashSet();
        register(services);
        var added = services.Where(d => d.ServiceType == typeof(IHostedService) && !before.Contains(d)).ToList();
        var factories = new List<Func<IServiceProvider, IHostedService>> { sp => sp.GetRequiredService<RecurringJobsRegistration>() };
        foreach (var descriptor in added)
        {
            services.Remove(descriptor);
            factories.Add(Factory(descriptor));
        }

        services.AddSingleton<RecurringJobsRegistration>();
        services.AddHostedService(sp => new DeferredJobServer(sp, sp.GetRequiredService<IHostApplicationLifetime>(), options,
            sp.GetRequiredService<JobServerStart>(), factories,
            sp.GetRequiredService<ILogger<DeferredJobServer>>()));
    }

    private static Func<IServiceProvider, IHostedService> Factory(ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationFactory: { } factory } => sp => (IHostedService)factory(sp),
        { ImplementationInstance: IHostedService instance } => _ => instance,
        { ImplementationType: { } type } => sp => (IHostedService)ActivatorUtilities.CreateInstance(sp, type),
        _ => throw new InvalidOperationException($"Cannot defer the hosted service {descriptor}."),
    };

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _start = Task.Run(StartLateAsync));
        return Task.CompletedTask;
    }

    private async Task StartLateAsync()
    {
        try
        {
            await Task.WhenAny(start.Ready, Task.Delay(TimeSpan.FromSeconds(options.ServerStartDelaySeconds), _stopping.Token));
            _stopping.Token.ThrowIfCancellationRequested();
            foreach (var create in servers)
            {
                var server = create(services);
                lock (_started)
                {
                    _stopping.Token.ThrowIfCancellationRequested();
                    _started.Add(server);
                }

                await server.StartAsync(_stopping.Token);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped before the server was up.
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "The background job server did not start; no background jobs will run on this instance");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _start;
        IHostedService[] started;
        lock (_started)
        {
            started = [.. _started];
        }

        foreach (var server in started.Reverse())
        {
            await server.StopAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        foreach (var server in _started.OfType<IDisposable>())
        {
            server.Dispose();
        }

        _stopping.Dispose();
    }
}
