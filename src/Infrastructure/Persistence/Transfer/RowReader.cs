using System.Buffers;
using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;

namespace Salon.Infrastructure.Persistence.Transfer;

/// <summary>Reads column values by CLR type from either database, and folds rows into an order-independent
/// checksum of their content.</summary>
internal static class RowReader
{
    private static readonly HashSet<Type> Supported =
    [
        typeof(Guid), typeof(DateTime), typeof(DateTimeOffset), typeof(bool), typeof(int), typeof(long), typeof(short),
        typeof(string), typeof(byte[]), typeof(double), typeof(decimal),
    ];

    public static void EnsureSupported(Type type, string column)
    {
        if (!Supported.Contains(type))
        {
            throw new NotSupportedException($"Column {column} holds {type.Name}, which move-to-postgres does not copy yet (add it to RowReader).");
        }
    }

    /// <summary>The value at <paramref name="ordinal"/> as <paramref name="type"/>, or null. Microsoft.Data.Sqlite
    /// parses SQLite's text Guids and times and its 0/1 booleans; Npgsql reads PostgreSQL's own types.</summary>
    public static object? Read(DbDataReader reader, int ordinal, Type type)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return type switch
        {
            _ when type == typeof(Guid) => reader.GetFieldValue<Guid>(ordinal),
            _ when type == typeof(DateTime) => reader.GetFieldValue<DateTime>(ordinal),
            _ when type == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(ordinal),
            _ when type == typeof(bool) => reader.GetBoolean(ordinal),
            _ when type == typeof(int) => reader.GetInt32(ordinal),
            _ when type == typeof(long) => reader.GetInt64(ordinal),
            _ when type == typeof(short) => reader.GetInt16(ordinal),
            _ when type == typeof(string) => reader.GetString(ordinal),
            _ when type == typeof(byte[]) => reader.GetFieldValue<byte[]>(ordinal),
            _ when type == typeof(double) => reader.GetDouble(ordinal),
            _ when type == typeof(decimal) => reader.GetDecimal(ordinal),
            _ => throw new NotSupportedException(type.Name),
        };
    }

    /// <summary>Appends a value in a form both databases agree on: times as whole microseconds since year 1, UTC
    /// (PostgreSQL keeps microseconds, SQLite 100 ns ticks, and Npgsql truncates), Guids as their 16 bytes,
    /// text as UTF-8 with its length, so no two different rows can write the same bytes.</summary>
    public static void AppendCanonical(ArrayBufferWriter<byte> buffer, object? value)
    {
        switch (value)
        {
            case null:
                Append(buffer, [0]);
                break;
            case Guid g:
                Append(buffer, [1]);
                var guid = buffer.GetSpan(16);
                g.TryWriteBytes(guid);
                buffer.Advance(16);
                break;
            case DateTime d:
                AppendInt64(buffer, 2, (d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d).Ticks / 10);
                break;
            case DateTimeOffset o:
                AppendInt64(buffer, 2, o.UtcTicks / 10);
                break;
            case bool b:
                Append(buffer, [3, b ? (byte)1 : (byte)0]);
                break;
            case int or long or short:
                AppendInt64(buffer, 4, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case string s:
                var bytes = Encoding.UTF8.GetBytes(s);
                AppendInt64(buffer, 5, bytes.Length);
                Append(buffer, bytes);
                break;
            case byte[] raw:
                AppendInt64(buffer, 6, raw.Length);
                Append(buffer, raw);
                break;
            case double f:
                AppendInt64(buffer, 7, BitConverter.DoubleToInt64Bits(f));
                break;
            case decimal m:
                Append(buffer, [8]);
                Append(buffer, Encoding.UTF8.GetBytes(m.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                break;
            default:
                throw new NotSupportedException(value.GetType().Name);
        }
    }

    /// <summary>The first 128 bits of the row's SHA-256; a table's checksum is the sum of its rows' (mod 2^128),
    /// so it does not depend on the order the rows are read in, and a missing or doubled row changes it.</summary>
    public static UInt128 RowHash(ReadOnlySpan<byte> canonicalRow)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(canonicalRow, hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash[..16]);
    }

    private static void AppendInt64(ArrayBufferWriter<byte> buffer, byte tag, long value)
    {
        var span = buffer.GetSpan(9);
        span[0] = tag;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], value);
        buffer.Advance(9);
    }

    private static void Append(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes) => buffer.Write(bytes);
}
