using System.Data.Common;

namespace Salon.IntegrationTests.Infrastructure;

/// <summary>A test-only command interceptor that stands in for another request winning a race: once armed with a value,
/// the queries (SELECT) that look for it are sent with another value instead, so a handler's check ("is this nickname
/// free?") finds nothing, and its write then meets the value already in the database (a unique-key violation), as when
/// another request inserted it between the check and the commit. Writes keep the value. Register it with <see
/// cref="SalonApiFactory.ConfigureDbContext"/>.</summary>
public sealed class LostRace : CommandObserver
{
    private volatile string? _value;

    /// <summary>Whether a query was changed since the last <see cref="Arm"/> (so a test knows it tested something).</summary>
    public bool Fired { get; private set; }

    public void Arm(string value)
    {
        Fired = false;
        _value = value;
    }

    public void Disarm() => _value = null;

    protected override void Observe(DbCommand command)
    {
        if (_value is not { } value || !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        foreach (DbParameter parameter in command.Parameters)
        {
            if (parameter.Value is string text && text == value)
            {
                parameter.Value = text + "\u3000not-yet";
                Fired = true;
            }
        }
    }
}
