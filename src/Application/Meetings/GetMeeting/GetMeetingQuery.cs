using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Members.Contracts;

namespace Salon.Application.Meetings.GetMeeting;

/// <summary>GET /api/meetings/{id}: the join URL and exact venue only for accepted applicants and officials;
/// a waitlisted caller sees their place in the queue.</summary>
public sealed record GetMeetingQuery(Guid MemberId, bool IsOfficial, Guid MeetingId) : IQuery<MeetingDto>;

public sealed class GetMeetingQueryHandler(IMeetingsDb db, IMemberDirectory directory, TimeProvider time)
    : IQueryHandler<GetMeetingQuery, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(GetMeetingQuery query, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var row = await MeetingViews.Rows(db.Meetings.AsNoTracking().Where(m => m.Id == query.MeetingId), db.MeetingApplications, query.MemberId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw MeetingViews.NotFound();
        var viewer = await MeetingViewers.ForAsync(directory, query.MemberId, query.IsOfficial, cancellationToken);
        return MeetingViews.ToDto(row, viewer, now);
    }
}
