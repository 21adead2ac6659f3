using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Members.Contracts;

namespace Salon.Application.Announcements.GetAnnouncement;

/// <summary>GET /api/announcements/{id}: the same visibility as the list (404 for what the caller may not see).</summary>
public sealed record GetAnnouncementQuery(Guid? ReaderId, bool IsOfficial, Guid AnnouncementId) : IQuery<AnnouncementDto>;

public sealed class GetAnnouncementQueryHandler(IAnnouncementsDb db, IMemberDirectory directory, TimeProvider time)
    : IQueryHandler<GetAnnouncementQuery, AnnouncementDto>
{
    public async ValueTask<AnnouncementDto> Handle(GetAnnouncementQuery query, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var visible = AnnouncementViews.VisibleTo(db.Announcements.AsNoTracking(), query.ReaderId is not null, query.IsOfficial, now)
            .Where(a => a.Id == query.AnnouncementId);
        var row = await AnnouncementViews.WithAuthors(visible, directory).SingleOrDefaultAsync(cancellationToken) ?? throw AnnouncementViews.NotFound();
        return AnnouncementViews.ToDto(row, now, query.ReaderId is not null);
    }
}
