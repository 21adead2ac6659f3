using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Persistence;
using Salon.Domain.Meetings;

namespace Salon.Application.Meetings;

/// <summary>A meeting loaded with its applications under its row lock, inside an open transaction. Two
/// members applying for the last seat at the same moment are served one after the other: the second sees
/// the first's seat taken. (The lock is an UPDATE of the meeting's row: SQLite takes the write lock, PostgreSQL
/// the row lock, both held to commit; reads after it see what committed before.)</summary>
internal sealed class LockedMeeting(IDatabaseTransaction transaction, Meeting meeting) : IAsyncDisposable
{
    public Meeting Meeting { get; } = meeting;

    public static async Task<LockedMeeting?> AcquireAsync(IMeetingsDb db, Guid meetingId, CancellationToken cancellationToken)
    {
        var transaction = await db.BeginTransactionAsync(cancellationToken);
        try
        {
            if (await LockInCurrentTransactionAsync(db, meetingId, cancellationToken) == 0)
            {
                await transaction.DisposeAsync();
                return null;
            }

            var meeting = await db.Meetings.Include(m => m.Applications).SingleAsync(m => m.Id == meetingId, cancellationToken);
            return new LockedMeeting(transaction, meeting);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>Locks the row of a meeting already being changed inside the caller's transaction.</summary>
    public static Task<int> LockInCurrentTransactionAsync(IMeetingsDb db, Guid meetingId, CancellationToken cancellationToken) =>
        db.Meetings.Where(m => m.Id == meetingId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Version, m => m.Version + 1), cancellationToken);

    public async Task SaveAndCommitAsync(IMeetingsDb db, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => transaction.DisposeAsync();
}
