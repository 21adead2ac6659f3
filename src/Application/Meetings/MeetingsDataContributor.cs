using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Domain.Meetings;

namespace Salon.Application.Meetings;

/// <summary>The member's applications (and their notes to the organisers) in their data export.</summary>
internal sealed class MeetingsDataContributor(IMeetingsDb db) : IPersonalDataContributor
{
    public string Section => "meetings";

    public async Task<object> CollectAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var rows = await db.MeetingApplications.AsNoTracking()
            .Where(a => a.MemberId == memberId)
            .Join(db.Meetings, a => a.MeetingId, m => m.Id, (a, m) => new { m.Title, m.StartsAt, a.Status, a.AppliedAt, a.AcceptedAt, a.WithdrawnAt, a.Note })
            .OrderBy(r => r.AppliedAt)
            .ToListAsync(cancellationToken);
        return new
        {
            applications = rows.Select(r => new
            {
                meeting = r.Title,
                startsAt = r.StartsAt,
                status = MeetingNames.Of(r.Status),
                appliedAt = r.AppliedAt,
                acceptedAt = r.AcceptedAt,
                withdrawnAt = r.WithdrawnAt,
                note = r.Note,
            }).ToList(),
        };
    }
}
