using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Salon.Domain.Members;

namespace Salon.Infrastructure.Identity;

/// <summary>Empties <see cref="SessionCache"/> when a save changes what a session may do: a session revoked
/// or removed, a member's status, suspension or roles changed, a member removed. It empties it before the
/// save (so no request after it trusts the old state) and again when the change is committed (so a request
/// that read the old state meanwhile cannot have cached it). Every such change in Salon is a tracked
/// entity saved through the DbContext (logout, refresh-token reuse, password change or reset, suspension,
/// deletion, role changes), which is what this sees.</summary>
public sealed class SessionCacheInvalidation(SessionCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Contexts with such a change saved but maybe not yet committed.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Before(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Before(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        After(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        After(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => After(eventData.Context, committed: true);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        After(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => After(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        After(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => After(eventData.Context, committed: true);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        After(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    private void Before(DbContext? context)
    {
        if (context is not null && ChangesSessions(context.ChangeTracker))
        {
            _pending.AddOrUpdate(context, this);
            cache.Invalidate();
        }
    }

    private void After(DbContext? context, bool committed)
    {
        if (context is not null && _pending.TryGetValue(context, out _))
        {
            cache.Invalidate();
            if (committed)
            {
                _pending.Remove(context);
            }
        }
    }

    private static bool ChangesSessions(ChangeTracker tracker) =>
        tracker.Entries<MemberSession>().Any(e => e.State is EntityState.Modified or EntityState.Deleted)
        || tracker.Entries<Member>().Any(e => e.State == EntityState.Deleted
            || (e.State == EntityState.Modified
                && (e.Property(m => m.Status).IsModified || e.Property(m => m.Roles).IsModified || e.Property(m => m.SuspendedUntil).IsModified)));
}
