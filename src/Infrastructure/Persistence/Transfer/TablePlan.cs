using Microsoft.EntityFrameworkCore.Metadata;

namespace Salon.Infrastructure.Persistence.Transfer;

/// <summary>One table: its columns, its identity columns (their sequences are set after the copy), the tables it
/// references and its PostgreSQL indexes.</summary>
public sealed record TablePlan(
    string Name,
    IReadOnlyList<ColumnPlan> Columns,
    IReadOnlyList<string> IdentityColumns,
    IReadOnlyList<string> References,
    IReadOnlyList<ITableIndex> Indexes);
