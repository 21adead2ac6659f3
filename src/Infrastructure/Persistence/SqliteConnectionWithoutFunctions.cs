using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Salon.Infrastructure.Persistence;

/// <summary>EF Core's SQLite connection without the SQL functions EF Core registers on every connection it creates
/// (<c>regexp</c> and the <c>ef_*</c> decimal arithmetic). Microsoft.Data.Sqlite registers a connection's functions
/// on its native handle at every open and removes them at every close, each time allocating callbacks that the
/// finaliser thread later collects: about 14 registrations and 5 finalised objects per request. Salon's model has no
/// decimal property and no query translates <c>Regex.IsMatch</c>, the only uses of those functions (a test holds
/// both), so the connection is created bare (issue 15, docs/adr/0034).</summary>
#pragma warning disable EF1001 // SqliteRelationalConnection is EF Core's internal API: docs/adr/0034 says why and what guards it.
public sealed class SqliteConnectionWithoutFunctions(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    /// <summary>Makes the context create its SQLite connections this way.</summary>
    public static DbContextOptionsBuilder UseIn(DbContextOptionsBuilder options) =>
        options.ReplaceService<ISqliteRelationalConnection, SqliteConnectionWithoutFunctions>();

    protected override DbConnection CreateDbConnection() => new SqliteConnection(GetValidatedConnectionString());
}
#pragma warning restore EF1001
