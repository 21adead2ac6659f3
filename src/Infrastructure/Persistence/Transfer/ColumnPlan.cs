using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NpgsqlTypes;

namespace Salon.Infrastructure.Persistence.Transfer;

/// <summary>One column: how SQLite stores it (<see cref="SourceType"/>: Guid as text, DateTime as text, bool as
/// 0/1, enums as integers, all read back into their CLR type by Microsoft.Data.Sqlite) and how PostgreSQL takes it.</summary>
public sealed class ColumnPlan
{
    private readonly ValueConverter? _sourceConverter;
    private readonly ValueConverter? _targetConverter;

    // An int, not the enum: a field of a value type from Npgsql would make loading this type (EF Core's scan of the
    // assembly for migrations, at every start) load Npgsql on SQLite instances too (docs/adr/0030).
    private readonly int _targetDbType;

    private ColumnPlan(string name, Type sourceType, Type targetType, NpgsqlDbType targetDbType, ValueConverter? sourceConverter, ValueConverter? targetConverter)
    {
        Name = name;
        SourceType = sourceType;
        TargetType = targetType;
        _targetDbType = (int)targetDbType;
        _sourceConverter = sourceConverter;
        _targetConverter = targetConverter;
    }

    public string Name { get; }

    /// <summary>The CLR type SQLite's value is read as.</summary>
    public Type SourceType { get; }

    /// <summary>The CLR type written to and read back from PostgreSQL.</summary>
    public Type TargetType { get; }

    public NpgsqlDbType TargetDbType => (NpgsqlDbType)_targetDbType;

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
