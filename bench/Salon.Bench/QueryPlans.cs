using System.Text;
using Microsoft.Data.Sqlite;

namespace Salon.Bench;

/// <summary>Runs <c>EXPLAIN QUERY PLAN</c> on a captured statement and draws the plan as the sqlite3
/// shell does.</summary>
internal static class QueryPlans
{
    public static async Task<QueryPlan> ExplainAsync(SqliteConnection connection, CapturedStatement statement)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var parameter in statement.Parameters)
        {
            var copy = new SqliteParameter(parameter.Name, parameter.Value ?? DBNull.Value) { DbType = parameter.DbType };
            if (parameter.SqliteType is { } type)
            {
                copy.SqliteType = type;
            }

            command.Parameters.Add(copy);
        }

        var rows = new List<(long Id, long Parent, string Detail)>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(3)));
            }
        }
        catch (SqliteException ex)
        {
            return new QueryPlan($"EXPLAIN QUERY PLAN failed: {ex.Message}", []);
        }

        return new QueryPlan(Draw(rows), rows.Select(r => r.Detail).ToList());
    }

    private static string Draw(List<(long Id, long Parent, string Detail)> rows)
    {
        var text = new StringBuilder("QUERY PLAN\n");
        void DrawChildren(long parent, string indent)
        {
            var children = rows.Where(r => r.Parent == parent).ToList();
            for (var i = 0; i < children.Count; i++)
            {
                var last = i == children.Count - 1;
                text.Append(indent).Append(last ? "`--" : "|--").Append(children[i].Detail).Append('\n');
                DrawChildren(children[i].Id, indent + (last ? "   " : "|  "));
            }
        }

        DrawChildren(0, string.Empty);
        return text.ToString().TrimEnd('\n');
    }
}

/// <summary>The drawn plan and its lines (to look for full scans and temporary sorts).</summary>
internal sealed record QueryPlan(string Text, IReadOnlyList<string> Details);
