using Microsoft.EntityFrameworkCore;
using Salon.Application.Meetings.Contracts;
using Salon.Domain.Meetings;

namespace Salon.Application.Meetings.Statistics;

/// <summary>Three aggregate statements; no meeting or application is loaded.</summary>
internal sealed class MeetingStatistics(IMeetingsDb db) : IMeetingStatistics
{
    public async Task<MeetingFillFigures> FillAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var held = db.Meetings.Where(m => m.CancelledAt == null && m.StartsAt >= fromUtc && m.StartsAt < toUtc);
        var meetings = await held.CountAsync(cancellationToken);
        var seats = await held.SumAsync(m => m.Capacity, cancellationToken);
        var taken = await db.MeetingApplications
            .CountAsync(a => a.Status == ApplicationStatus.Accepted && held.Any(m => m.Id == a.MeetingId), cancellationToken);
        return new MeetingFillFigures(meetings, seats, taken, seats == 0 ? null : (double)taken / seats);
    }
}
