using Salon.Domain.Common;

namespace Salon.Application.Meetings;

/// <summary>Who is asking, for what they may see.</summary>
public sealed record MeetingViewer(Guid MemberId, FamilyPositions FamilyPositions, bool IsOfficial);
