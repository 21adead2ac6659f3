using Salon.Domain.Common;

namespace Salon.Domain.Meetings;

/// <summary>What organisers set on a meeting. <see cref="Area"/> is public (e.g. 東京都杉並区); the exact
/// <see cref="Venue"/> and the <see cref="JoinUrl"/> are for accepted applicants and officials only.
/// <see cref="Eligibility"/> None means every family position.</summary>
public sealed record MeetingDetails(
    string Title,
    string Description,
    DateTime StartsAt,
    DateTime EndsAt,
    MeetingFormat Format,
    string? JoinUrl,
    string? Venue,
    string? Area,
    int Capacity,
    FamilyPositions Eligibility,
    DateTime ApplicationDeadline,
    string? FeeNote);
