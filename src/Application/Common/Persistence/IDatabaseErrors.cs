using Microsoft.EntityFrameworkCore;

namespace Salon.Application.Common.Persistence;

/// <summary>What a failed save means, told by the persistence layer (Application does not know the providers).
/// A handler catches only what it means: <c>catch (DbUpdateException ex) when (db.IsUniqueKeyViolation(ex))</c>;
/// a foreign-key, NOT NULL, length or any other failure is not "someone inserted it first" and fails the request.</summary>
public interface IDatabaseErrors
{
    /// <summary>True only when the save broke a unique index or primary key (another writer got there first).</summary>
    bool IsUniqueKeyViolation(DbUpdateException exception);

    /// <summary>True only when the database broke a deadlock by failing this save (PostgreSQL's 40P01: two writers that
    /// each waited for the other, e.g. inserting the same unique keys in different orders); SQLite has one writer at a
    /// time and never answers so. The failure comes wrapped (EF Core's execution strategy reports it as a transient
    /// <see cref="InvalidOperationException"/> around the <see cref="DbUpdateException"/>): catch <c>Exception</c> with it.</summary>
    bool IsDeadlock(Exception exception);
}
