using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace Salon.Infrastructure.Jobs;

/// <summary>Hangfire's log provider is one per process (<c>Hangfire.Logging.LogProvider</c>), while each host has its own
/// logger factory. Hangfire sets it to the factory of the host that configured it last, and once that host is disposed
/// every logger Hangfire asks for throws <see cref="ObjectDisposedException"/>, failing another host's job client or
/// workers. In production one process is one host, and this is Hangfire's own provider over its factory. With several
/// hosts in one process (the test suite, a command beside the server) it knows every host's factory, asks the newest
/// one still alive, forgets those disposed, and logs nothing when none is left.</summary>
public sealed class LiveHostsLogProvider : ILogProvider
{
    private readonly object _gate = new();
    private readonly List<ILogProvider> _hosts = [];

    private LiveHostsLogProvider()
    {
    }

    /// <summary>The process's provider.</summary>
    public static LiveHostsLogProvider Instance { get; } = new();

    /// <summary>Adds a host's factory, newest first, and forgets those disposed since (so that a process of many hosts keeps
    /// none of theirs alive); returns the process's provider.</summary>
    public LiveHostsLogProvider Add(ILoggerFactory factory)
    {
        lock (_gate)
        {
            for (var i = _hosts.Count - 1; i >= 0; i--)
            {
                TryGetLogger(i, nameof(LiveHostsLogProvider));
            }

            _hosts.Add(new AspNetCoreLogProvider(factory));
        }

        return this;
    }

    public ILog GetLogger(string name)
    {
        lock (_gate)
        {
            for (var i = _hosts.Count - 1; i >= 0; i--)
            {
                if (TryGetLogger(i, name) is { } log)
                {
                    return log;
                }
            }
        }

        return NoLog.Instance;
    }

    /// <summary>The logger from the <paramref name="index"/>th host, or null when its factory was disposed (it is then
    /// forgotten). Under the lock.</summary>
    private ILog? TryGetLogger(int index, string name)
    {
        try
        {
            return _hosts[index].GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            _hosts.RemoveAt(index);
            return null;
        }
    }

    private sealed class NoLog : ILog
    {
        public static NoLog Instance { get; } = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
