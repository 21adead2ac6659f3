using Microsoft.EntityFrameworkCore;

namespace Salon.Application.Consultations;

internal static class SaveIgnoringDuplicate
{
    /// <summary>Saves an idempotent insert; a concurrent identical insert that won the race is success.</summary>
    public static async Task SaveAsync(IConsultationsDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
        }
    }
}
