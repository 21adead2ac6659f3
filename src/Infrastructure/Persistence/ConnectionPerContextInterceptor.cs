using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Salon.Infrastructure.Persistence;

/// <summary>
/// One database connection per context (per request or job scope), opened on first use and kept until the context is
/// disposed, instead of an open and a close around every statement (issue 15, docs/adr/0029). EF Core closes a
/// connection it opened itself after each query; this interceptor declines that close, after which EF treats the
/// connection as opened by the application: later statements and transactions run on it without opening it again,
/// and disposing the context disposes it (back to the pool). Nothing is held between statements but the pooled
/// connection itself: on SQLite (WAL) an open connection outside a transaction holds no lock, and on PostgreSQL a
/// scope holds at most one pooled connection however many statements it runs.
/// </summary>
public sealed class ConnectionPerContextInterceptor : DbConnectionInterceptor
{
    public static readonly ConnectionPerContextInterceptor Instance = new();

    private ConnectionPerContextInterceptor()
    {
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());
}
