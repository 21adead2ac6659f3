namespace Salon.Infrastructure.Persistence.Transfer;

/// <summary>One table's progress: the source's shape when the move started, and what has been copied.</summary>
internal sealed record TableProgress(long SourceRows, long SourceMaxRowId, long LastRowId, long CopiedRows);
