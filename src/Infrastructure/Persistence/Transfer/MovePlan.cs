using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Salon.Infrastructure.Persistence.Transfer;

/// <summary>What <c>move-to-postgres</c> copies, derived from the two EF models (never a hand-kept list), so a
/// table added to the model later is moved without anyone remembering to: every table of the PostgreSQL
/// model, in foreign-key order, with each column's type on both sides. Tables that exist only in the SQLite
/// file are listed in <see cref="NotMoved"/> with the reason; <see cref="Uncovered"/> names any other, and the
/// move refuses to start while there is one.</summary>
public sealed class MovePlan
{
    private MovePlan(IReadOnlyList<TablePlan> tables) => Tables = tables;

    /// <summary>SQLite tables that are deliberately not copied, and why.</summary>
    public static IReadOnlyList<(string Pattern, string Reason)> NotMoved { get; } =
    [
        ("__EFMigrationsHistory", "each provider has its own migrations; the target's history is written by the PostgreSQL migrations"),
        ("__EFMigrationsLock", "EF Core's lock against two processes migrating the SQLite file at once"),
        ("PostSearchKeys", "SQLite's search index keys (FTS5); PostgreSQL searches through its own trigram indexes, rebuilt after the copy"),
        ("PostSearch", "SQLite's FTS5 search index; PostgreSQL searches through its own trigram indexes, rebuilt after the copy"),
        ("PostSearch_*", "FTS5's shadow tables of the search index"),
        ("PostSearchChars", "SQLite's FTS5 index of single characters (1–2 character search); PostgreSQL's own indexes of characters and pairs are rebuilt after the copy"),
        ("PostSearchChars_*", "FTS5's shadow tables of the index of single characters"),
        ("PostSearchCharNumbers", "the numbers with which SQLite's search triggers cut a text into characters"),
        ("sqlite_*", "SQLite's own bookkeeping (AUTOINCREMENT counters, planner statistics)"),
    ];

    /// <summary>Tables in dependency order: a table comes after every table it references.</summary>
    public IReadOnlyList<TablePlan> Tables { get; }

    public static MovePlan Build(DbContext sqlite, DbContext postgres)
    {
        var sourceTables = DesignTimeModel(sqlite).GetRelationalModel().Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var targetTables = DesignTimeModel(postgres).GetRelationalModel().Tables.Where(t => !t.IsExcludedFromMigrations).ToList();
        var plans = new List<TablePlan>();
        foreach (var target in targetTables)
        {
            if (!sourceTables.TryGetValue(target.Name, out var source))
            {
                throw new InvalidOperationException($"Table {target.Name} is in the PostgreSQL model but not in the SQLite model.");
            }

            var columns = target.Columns
                .OrderBy(c => c.Order ?? int.MaxValue)
                .ThenBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => ColumnPlan.Create(source.FindColumn(c.Name)
                    ?? throw new InvalidOperationException($"Column {target.Name}.{c.Name} is in the PostgreSQL model but not in the SQLite model."), c))
                .ToList();
            var identity = target.Columns
                .Where(c => c.PropertyMappings.Any(m => NpgsqlPropertyExtensions.GetValueGenerationStrategy(m.Property) is
                    Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn
                    or Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityAlwaysColumn
                    or Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.SerialColumn))
                .Select(c => c.Name)
                .ToList();
            var principals = target.ForeignKeyConstraints.Select(f => f.PrincipalTable.Name).Where(n => n != target.Name).Distinct().ToList();
            plans.Add(new TablePlan(target.Name, columns, identity, principals, target.Indexes.ToList()));
        }

        return new MovePlan(InDependencyOrder(plans));
    }

    /// <summary>The SQLite tables that are neither copied nor listed in <see cref="NotMoved"/>.</summary>
    public IReadOnlyList<string> Uncovered(IEnumerable<string> sqliteTables) => sqliteTables
        .Where(name => Tables.All(t => t.Name != name) && !NotMoved.Any(n => Matches(n.Pattern, name)))
        .ToList();

    private static IModel DesignTimeModel(DbContext context) => context.GetService<IDesignTimeModel>().Model;

    private static bool Matches(string pattern, string name) => pattern.EndsWith('*')
        ? name.StartsWith(pattern[..^1], StringComparison.Ordinal)
        : name == pattern;

    private static List<TablePlan> InDependencyOrder(List<TablePlan> tables)
    {
        var ordered = new List<TablePlan>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var remaining = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(t => t.References.All(placed.Contains)).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The foreign keys between " + string.Join(", ", remaining.Select(t => t.Name)) + " form a cycle; the move cannot order them.");
            }

            foreach (var table in ready)
            {
                ordered.Add(table);
                placed.Add(table.Name);
                remaining.Remove(table);
            }
        }

        return ordered;
    }
}
