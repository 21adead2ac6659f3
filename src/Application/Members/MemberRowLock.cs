using Microsoft.EntityFrameworkCore;

namespace Salon.Application.Members;

/// <summary>A member's row lock, taken inside the caller's open transaction and held until it ends: a no-op UPDATE of
/// the member's row, like the meeting seat lock (<c>LockedMeeting</c>) but without a column of its own. On SQLite the
/// transaction's BEGIN IMMEDIATE already holds the write lock; on PostgreSQL the row lock serialises the member's
/// writers across instances, and every statement after it sees what they committed. So one member's check-then-write
/// decisions run one at a time: posting limits, follow, bookmark and read rows, blocks (docs/adr/0018).</summary>
internal static class MemberRowLock
{
    /// <summary>False when there is no such member.</summary>
    public static async Task<bool> AcquireAsync(IMembersDb db, Guid memberId, CancellationToken cancellationToken) =>
        await db.Members.Where(m => m.Id == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.UpdatedAt, m => m.UpdatedAt), cancellationToken) > 0;
}
