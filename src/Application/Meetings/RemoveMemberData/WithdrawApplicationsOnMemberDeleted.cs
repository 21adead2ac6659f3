using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Events;
using Salon.Domain.Members.Events;

namespace Salon.Application.Meetings.RemoveMemberData;

/// <summary>A member left: their applications are withdrawn (promoting the waitlist of upcoming meetings) and
/// their notes to organisers removed, in the transaction that deletes the account.</summary>
public sealed class WithdrawApplicationsOnMemberDeleted(IMeetingsDb db) : IDomainEventHandler<MemberDeleted>
{
    public async Task HandleAsync(MemberDeleted domainEvent, CancellationToken cancellationToken)
    {
        var meetingIds = await db.MeetingApplications
            .Where(a => a.MemberId == domainEvent.MemberId)
            .Select(a => a.MeetingId)
            .ToListAsync(cancellationToken);
        foreach (var meetingId in meetingIds)
        {
            await LockedMeeting.LockInCurrentTransactionAsync(db, meetingId, cancellationToken);
            var meeting = await db.Meetings.Include(m => m.Applications).SingleAsync(m => m.Id == meetingId, cancellationToken);
            meeting.ForgetMember(domainEvent.MemberId, domainEvent.OccurredAt);
        }
    }
}
