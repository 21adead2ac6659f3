using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Salon.Infrastructure.Persistence;

/// <summary>One SQL statement on a context's connection (its interceptors and transaction included) without EF Core's
/// LINQ pipeline: the first LINQ query of a process costs ~0.5 s of CPU to compile, so what runs on the way to ready
/// (the seeders' reads, the readiness checks, the data-protection key ring) uses these instead (docs/adr/0030). The
/// SQL must be valid on both providers (quoted identifiers, <c>@p0</c>… parameters).</summary>
internal static class PlainCommands
{
    /// <summary>The first column of every row.</summary>
    public static Task<List<T>> ReadColumnAsync<T>(this DbContext db, string sql, CancellationToken cancellationToken, params object[] parameters) =>
        RunAsync(db, sql, parameters, async command =>
        {
            var values = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                values.Add(reader.GetFieldValue<T>(0));
            }

            return values;
        });

    /// <summary>The first column of every row, synchronously (for callers that cannot await, as data protection's key
    /// repository).</summary>
    public static List<T> ReadColumn<T>(this DbContext db, string sql)
    {
        db.Database.OpenConnection();
        try
        {
            using var command = Create(db, sql, []);
            using var reader = command.ExecuteReader();
            var values = new List<T>();
            while (reader.Read())
            {
                values.Add(reader.IsDBNull(0) ? default! : reader.GetFieldValue<T>(0));
            }

            return values;
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    public static Task<long> CountAsync(this DbContext db, string sql, CancellationToken cancellationToken, params object[] parameters) =>
        RunAsync(db, sql, parameters, async command => Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<T> RunAsync<T>(DbContext db, string sql, object[] parameters, Func<DbCommand, Task<T>> run)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = Create(db, sql, parameters);
            return await run(command);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand Create(DbContext db, string sql, object[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameter.Value = parameters[i];
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
