using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Salon.IntegrationTests.Infrastructure;

/// <summary>Counts the database connections EF opens for requests carrying <see cref="CommandCounter.RequestHeader"/>,
/// by its value (each open of a SQLite connection also runs the connection's settings).</summary>
public sealed class ConnectionOpenCounter : DbConnectionInterceptor
{
    private static readonly HttpContextAccessor Http = new();
    private readonly ConcurrentDictionary<string, int> _byRequest = new();

    public int ForRequest(string id) => _byRequest.TryGetValue(id, out var opens) ? opens : 0;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Count();

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Count();
        return Task.CompletedTask;
    }

    private void Count()
    {
        if (Http.HttpContext?.Request.Headers[CommandCounter.RequestHeader] is { Count: > 0 } id)
        {
            _byRequest.AddOrUpdate(id.ToString(), 1, (_, opens) => opens + 1);
        }
    }
}
