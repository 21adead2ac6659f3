using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Events;
using Salon.Domain.Members.Events;
using Salon.Domain.Moderation;

namespace Salon.Application.Moderation.RemoveMemberData;

/// <summary>The Moderation module's part of an account deletion: the reports the member filed (and their
/// notes) and their caring-notice log go; open items about them are closed. The audit log keeps what
/// moderators did, which is not the member's data.</summary>
public sealed class RemoveModerationDataOnMemberDeleted(IModerationDb db) : IDomainEventHandler<MemberDeleted>
{
    public async Task HandleAsync(MemberDeleted domainEvent, CancellationToken cancellationToken)
    {
        await db.Reports.Where(r => r.ReporterId == domainEvent.MemberId).ExecuteDeleteAsync(cancellationToken);
        await db.CaringNotices.Where(n => n.MemberId == domainEvent.MemberId).ExecuteDeleteAsync(cancellationToken);
        var open = await db.ModerationItems
            .Where(i => i.SubjectMemberId == domainEvent.MemberId && i.Status == ModerationItemStatus.Open)
            .ToListAsync(cancellationToken);
        open.ForEach(i => i.Close("member left", domainEvent.OccurredAt));
    }
}
