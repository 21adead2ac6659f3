using Microsoft.EntityFrameworkCore;
using Salon.Domain.Members;

namespace Salon.Application.Members;

internal static class PendingSignUps
{
    /// <summary>The address's newest sign-up that can still be confirmed: the one that sign-in checks a
    /// password against and that a resent confirmation is for.</summary>
    public static Task<SignUp?> NewestForAsync(this DbSet<SignUp> signUps, string normalizedEmail, DateTime now, CancellationToken cancellationToken) =>
        signUps
            .Where(s => s.NormalizedEmail == normalizedEmail && s.ConfirmedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt)
            .ThenByDescending(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
