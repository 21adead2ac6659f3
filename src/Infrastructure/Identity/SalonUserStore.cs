using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
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
}
