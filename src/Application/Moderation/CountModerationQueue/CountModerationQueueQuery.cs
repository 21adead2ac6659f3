using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Domain.Moderation;

namespace Salon.Application.Moderation.CountModerationQueue;

/// <summary>GET /api/moderation/queue/count (moderators): how many items are open, and how many of them are
/// priority (crisis flags, priority reports). Cheap enough for the badge of the staff menu on every page.</summary>
public sealed record CountModerationQueueQuery : IQuery<QueueCountDto>;

public sealed class CountModerationQueueQueryHandler(IModerationDb db) : IQueryHandler<CountModerationQueueQuery, QueueCountDto>
{
    public async ValueTask<QueueCountDto> Handle(CountModerationQueueQuery query, CancellationToken cancellationToken)
    {
        var counts = await db.ModerationItems.AsNoTracking()
            .Where(i => i.Status == ModerationItemStatus.Open)
            .GroupBy(i => i.IsPriority)
            .Select(g => new { Priority = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new QueueCountDto(counts.Sum(c => c.Count), counts.Where(c => c.Priority).Sum(c => c.Count));
    }
}
