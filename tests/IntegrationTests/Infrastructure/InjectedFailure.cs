using System.Data.Common;

namespace Salon.IntegrationTests.Infrastructure;

/// <summary>A test-only command interceptor that stands in for a crash between two steps of one change: once a
/// command containing <c>after</c> has run, the next command containing <c>failOn</c> throws instead of running
/// (once). Register it with <see cref="SalonApiFactory.ConfigureDbContext"/>.</summary>
public sealed class InjectedFailure : CommandObserver
{
    private readonly Lock _gate = new();
    private (string After, string FailOn, bool Seen)? _armed;

    /// <summary>Whether it fired since it was last armed (so a test knows it tested something).</summary>
    public bool Fired { get; private set; }

    public void FailAfter(string after, string failOn)
    {
        lock (_gate)
        {
            _armed = (after, failOn, false);
            Fired = false;
        }
    }

    protected override void Observe(DbCommand command)
    {
        lock (_gate)
        {
            if (_armed is not { } armed)
            {
                return;
            }

            if (armed.Seen && command.CommandText.Contains(armed.FailOn, StringComparison.Ordinal))
            {
                _armed = null;
                Fired = true;
                throw new InjectedFailureException();
            }

            if (command.CommandText.Contains(armed.After, StringComparison.Ordinal))
            {
                _armed = armed with { Seen = true };
            }
        }
    }
}

public sealed class InjectedFailureException() : Exception("injected failure: the process died here");
