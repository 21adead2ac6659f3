namespace Salon.Infrastructure.Persistence.Transfer;

/// <summary>How to move.</summary>
public sealed record MoveOptions
{
    /// <summary>Empty a target that already holds Salon data (or an unfinished move) and start over.</summary>
    public bool Replace { get; init; }

    /// <summary>Rows per batch: one COPY and one transaction on the target.</summary>
    public int BatchSize { get; init; } = 5000;

    /// <summary>Called after each committed batch with the number of batches committed so far in this run
    /// (the tests interrupt a move here).</summary>
    public Action<int>? AfterBatch { get; init; }
}
