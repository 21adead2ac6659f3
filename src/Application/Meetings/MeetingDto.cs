namespace Salon.Application.Meetings;

/// <summary>A meeting as members see it. Times are UTC (<c>startsAt</c>) and, for display, in Japan time
/// (<c>startsAtJst</c>, +09:00). <c>joinUrl</c> and <c>venue</c> are null unless the caller is an accepted
/// applicant or an official; <c>area</c> is always shown. An empty <c>eligibility</c> means everyone.</summary>
public sealed record MeetingDto(
    Guid Id,
    string Title,
    string Description,
    DateTime StartsAt,
    DateTime EndsAt,
    DateTimeOffset StartsAtJst,
    DateTimeOffset EndsAtJst,
    string Format,
    string? Area,
    string? Venue,
    string? JoinUrl,
    int Capacity,
    int SeatsLeft,
    int WaitlistCount,
    IReadOnlyList<string> Eligibility,
    bool Eligible,
    DateTime ApplicationDeadline,
    DateTimeOffset ApplicationDeadlineJst,
    bool AcceptingApplications,
    string? FeeNote,
    string Status,
    DateTime? CancelledAt,
    string? CancellationReason,
    MyApplicationDto? MyApplication);
