using Microsoft.EntityFrameworkCore;

namespace Salon.Application.Common.Persistence;

/// <summary>What a failed save means, told by the persistence layer (Application does not know the providers).
/// A handler catches only what it means: <c>catch (DbUpdateException ex) when (db.IsUniqueKeyViolation(ex))</c>;
/// a foreign-key, NOT NULL, length or any other failure is not "someone inserted it first" and fails the request.</summary>
public interface IDatabaseErrors
{
    /// <summary>True only when the save broke a unique index or primary key (another writer got there first).</summary>
    bool IsUniqueKeyViolation(DbUpdateException exception);
}
