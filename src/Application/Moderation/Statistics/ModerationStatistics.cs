using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Statistics;
using Salon.Application.Moderation.Contracts;

namespace Salon.Application.Moderation.Statistics;

public sealed class ModerationStatistics(IModerationDb db) : IModerationStatistics
{
    public async Task<ModerationResponseFigures> ResponseTimesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var (decisions, median) = await db.ModerationItems.AsNoTracking()
            .Where(i => i.ResolvedBy != null && i.ResolvedAt >= fromUtc && i.ResolvedAt < toUtc)
            .Select(i => (StatisticsFunctions.DayNumber(i.ResolvedAt!.Value) - StatisticsFunctions.DayNumber(i.CreatedAt)) * 24)
            .MedianAsync(cancellationToken);
        return new ModerationResponseFigures(decisions, median);
    }
}
