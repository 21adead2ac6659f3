namespace Salon.Application.Common.Persistence;

public static class DatabaseTransactions
{
    /// <inheritdoc cref="IDatabaseTransactions.InTransactionAsync{T}"/>
    public static Task InTransactionAsync(this IDatabaseTransactions db, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        db.InTransactionAsync(
            async ct =>
            {
                await work(ct);
                return true;
            },
            cancellationToken);
}
