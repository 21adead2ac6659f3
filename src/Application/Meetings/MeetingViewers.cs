using Salon.Application.Members.Contracts;
using Salon.Domain.Common;

namespace Salon.Application.Meetings;

internal static class MeetingViewers
{
    public static async Task<MeetingViewer> ForAsync(IMemberDirectory directory, Guid memberId, bool isOfficial, CancellationToken cancellationToken)
    {
        var standing = await directory.GetStandingAsync(memberId, cancellationToken);
        return new MeetingViewer(memberId, standing?.FamilyPositions ?? FamilyPositions.None, isOfficial);
    }
}
