using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Domain.Moderation;

namespace Salon.Application.Moderation;

/// <summary>For the data export: the reports the member filed, and when caring notices were sent to them.</summary>
public sealed class ModerationDataContributor(IModerationDb db) : IPersonalDataContributor
{
    public string Section => "moderation";

    public async Task<object> CollectAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var reports = await db.Reports.AsNoTracking().Where(r => r.ReporterId == memberId).OrderBy(r => r.CreatedAt)
            .Select(r => new { r.PostId, r.Reason, r.Note, r.CreatedAt }).ToListAsync(cancellationToken);
        var notices = await db.CaringNotices.AsNoTracking().Where(n => n.MemberId == memberId).OrderBy(n => n.SentAt)
            .Select(n => n.SentAt).ToListAsync(cancellationToken);
        return new
        {
            reportsFiled = reports.Select(r => new { r.PostId, Reason = ReportReasonNames.ToName(r.Reason), r.Note, r.CreatedAt }),
            caringNoticesSentAt = notices,
        };
    }
}
