using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>The app's SQLite connections are created without the SQL functions EF Core would register on each of them
/// (<c>regexp</c>, <c>ef_add</c> and the other decimal helpers): Microsoft.Data.Sqlite registered and removed them at
/// every open and close of a pooled connection, a sixth of a small read's cost (issue 15, docs/adr/0034). Nothing may
/// need them: a query that did would fail in this suite with "no such function".</summary>
[Trait("Provider", "Sqlite")]
public sealed class SqliteFunctionsTests : IDisposable
{
    private readonly SalonApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_apps_connections_have_none_of_efs_functions()
    {
        var error = await _factory.WithDbAsync(async db =>
            await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("SELECT regexp('a', 'a');")));
        Assert.Contains("no such function", error.Message, StringComparison.Ordinal);

        // The connection itself works, with the app's settings.
        var foreignKeys = await _factory.WithDbAsync(db => SqlitePragma.ReadAsync<long>(db, "foreign_keys"));
        Assert.Equal(1, foreignKeys);
    }

    [Fact]
    public async Task No_column_is_a_decimal_the_only_type_whose_arithmetic_needs_them()
    {
        var decimals = await _factory.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .SelectMany(type => type.GetProperties())
            .Where(property => Nullable.GetUnderlyingType(property.ClrType) is { } underlying
                ? underlying == typeof(decimal)
                : property.ClrType == typeof(decimal))
            .Select(property => $"{property.DeclaringType.DisplayName()}.{property.Name}")
            .ToList()));
        Assert.Empty(decimals);
    }
}
