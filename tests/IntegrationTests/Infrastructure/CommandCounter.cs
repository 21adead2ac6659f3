using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;

namespace Salon.IntegrationTests.Infrastructure;

/// <summary>Counts the SQL commands EF sends inside <see cref="Measure"/>, on this async flow only.</summary>
public sealed class CommandCounter : CommandObserver
{
    /// <summary>Requests carrying this header have their commands kept under its value (a request served
    /// over HTTP does not run on the test's async flow).</summary>
    public const string RequestHeader = "X-Test-Count-Commands";

    private static readonly HttpContextAccessor Http = new();
    private readonly AsyncLocal<List<string>?> _current = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _byRequest = new();

    public IReadOnlyList<string> ForRequest(string id) => _byRequest.TryGetValue(id, out var commands) ? [.. commands] : [];

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

    protected override void Observe(DbCommand command)
    {
        _current.Value?.Add(command.CommandText);
        if (Http.HttpContext?.Request.Headers[RequestHeader] is { Count: > 0 } id)
        {
            _byRequest.GetOrAdd(id.ToString(), _ => new()).Enqueue(command.CommandText);
        }
    }
}
