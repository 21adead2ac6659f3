using System.Data.Common;

namespace Salon.IntegrationTests.Infrastructure;

/// <summary>Counts the SQL commands EF sends inside <see cref="Measure"/>, on this async flow only.</summary>
public sealed class CommandCounter : CommandObserver
{
    private readonly AsyncLocal<List<string>?> _current = new();

    public async Task<IReadOnlyList<string>> Measure(Func<Task> action)
    {
        var commands = new List<string>();
        _current.Value = commands;
        try
        {
            await action();
        }
        finally
        {
            _current.Value = null;
        }

        return commands;
    }

    protected override void Observe(DbCommand command) => _current.Value?.Add(command.CommandText);
}
