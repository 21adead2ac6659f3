using System.Buffers;
using System.Data.Common;
using System.Globalization;

namespace Salon.Infrastructure.Persistence.Transfer;

/// <summary>A table's row count and the checksum of every column of every row (<see cref="RowReader.RowHash"/>).</summary>
public readonly record struct TableChecksum(long Rows, UInt128 Sum)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Rows} rows, checksum {Sum:x32}");

    /// <summary>Reads <paramref name="reader"/> to the end; <paramref name="value"/> gives each row's column values.</summary>
    internal static async Task<TableChecksum> ComputeAsync(DbDataReader reader, int columns, Func<DbDataReader, int, object?> value, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        long rows = 0;
        UInt128 sum = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            buffer.ResetWrittenCount();
            for (var i = 0; i < columns; i++)
            {
                RowReader.AppendCanonical(buffer, value(reader, i));
            }

            unchecked
            {
                sum += RowReader.RowHash(buffer.WrittenSpan);
            }

            rows++;
        }

        return new TableChecksum(rows, sum);
    }
}
