using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NpgsqlTypes;

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

/// <summary>One table: its columns, its identity columns (their sequences are set after the copy), the tables it
/// references and its PostgreSQL indexes.</summary>
public sealed record TablePlan(
    string Name,
    IReadOnlyList<ColumnPlan> Columns,
    IReadOnlyList<string> IdentityColumns,
    IReadOnlyList<string> References,
    IReadOnlyList<ITableIndex> Indexes);

/// <summary>One column: how SQLite stores it (<see cref="SourceType"/>: Guid as text, DateTime as text, bool as
/// 0/1, enums as integers, all read back into their CLR type by Microsoft.Data.Sqlite) and how PostgreSQL takes it.</summary>
public sealed class ColumnPlan
{
    private readonly ValueConverter? _sourceConverter;
    private readonly ValueConverter? _targetConverter;

    private ColumnPlan(string name, Type sourceType, Type targetType, NpgsqlDbType targetDbType, ValueConverter? sourceConverter, ValueConverter? targetConverter)
    {
        Name = name;
        SourceType = sourceType;
        TargetType = targetType;
        TargetDbType = targetDbType;
        _sourceConverter = sourceConverter;
        _targetConverter = targetConverter;
    }

    public string Name { get; }

    /// <summary>The CLR type SQLite's value is read as.</summary>
    public Type SourceType { get; }

    /// <summary>The CLR type written to and read back from PostgreSQL.</summary>
    public Type TargetType { get; }

    public NpgsqlDbType TargetDbType { get; }

    /// <summary>The SQL identifier, quoted.</summary>
    public string Quoted => Sql.Quote(Name);

    /// <summary>SQLite's value (as read, <see cref="SourceType"/>) as PostgreSQL's provider value: through the
    /// model's value converters, with times made UTC (Npgsql writes only UTC to <c>timestamp with time zone</c>).</summary>
    public object? ToTarget(object? source)
    {
        if (source is null)
        {
            return null;
        }

        var model = _sourceConverter is null ? source : _sourceConverter.ConvertFromProvider(source);
        var value = _targetConverter is null ? model : _targetConverter.ConvertToProvider(model);
        return value switch
        {
            DateTime { Kind: DateTimeKind.Unspecified } d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
            DateTime { Kind: DateTimeKind.Local } d => d.ToUniversalTime(),
            DateTimeOffset o => o.ToUniversalTime(),
            _ => value,
        };
    }

    internal static ColumnPlan Create(IColumn source, IColumn target)
    {
        var sourceType = Underlying(source.ProviderClrType);
        var targetType = Underlying(target.ProviderClrType);
        RowReader.EnsureSupported(sourceType, $"{source.Table.Name}.{source.Name}");
        RowReader.EnsureSupported(targetType, $"{target.Table.Name}.{target.Name}");
        return new ColumnPlan(
            target.Name,
            sourceType,
            targetType,
            DbTypeOf(target),
            source.PropertyMappings[0].TypeMapping.Converter,
            target.PropertyMappings[0].TypeMapping.Converter);
    }

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static NpgsqlDbType DbTypeOf(IColumn column)
    {
        var storeType = column.StoreType;
        var parenthesis = storeType.IndexOf('(', StringComparison.Ordinal);
        var name = (parenthesis < 0 ? storeType : storeType[..parenthesis]).Trim();
        return name switch
        {
            "uuid" => NpgsqlDbType.Uuid,
            "integer" => NpgsqlDbType.Integer,
            "bigint" => NpgsqlDbType.Bigint,
            "smallint" => NpgsqlDbType.Smallint,
            "boolean" => NpgsqlDbType.Boolean,
            "text" => NpgsqlDbType.Text,
            "character varying" => NpgsqlDbType.Varchar,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "bytea" => NpgsqlDbType.Bytea,
            "double precision" => NpgsqlDbType.Double,
            "numeric" => NpgsqlDbType.Numeric,
            _ => throw new NotSupportedException($"Column {column.Table.Name}.{column.Name} has the PostgreSQL type {storeType}, which move-to-postgres does not copy yet (add it to ColumnPlan and RowReader)."),
        };
    }
}
