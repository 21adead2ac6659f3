using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Salon.Infrastructure.Persistence;

namespace Salon.Infrastructure.Identity;

/// <summary>Identity's store without automatic saves: what UserManager changes is staged in the
/// use case's unit of work and committed by its single SaveChanges, atomically with the rest.</summary>
public sealed class SalonUserStore : UserOnlyStore<SalonUser, SalonDbContext, Guid>
{
    public SalonUserStore(SalonDbContext context, IdentityErrorDescriber? describer = null)
        : base(context, describer)
    {
        AutoSaveChanges = false;
    }

    /// <summary>The base re-attaches the user on every update, which accepts the pending changes as
    /// "original" values; with several updates in one unit of work the concurrency check would then
    /// compare against a stamp never written. A tracked user only needs a new stamp.</summary>
    public override Task<IdentityResult> UpdateAsync(SalonUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        if (Context.Entry(user).State == EntityState.Detached)
        {
            Context.Update(user);
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
