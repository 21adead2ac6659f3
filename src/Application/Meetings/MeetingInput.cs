using System.Text.Json.Serialization;

namespace Salon.Application.Meetings;

/// <summary>What organisers send when creating or editing a meeting (PATCH: null = unchanged; "" clears
/// joinUrl, venue, area and feeNote; an empty eligibility list = every family position). An unknown field is
/// refused (400), never silently ignored.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MeetingInput(
    string? Title,
    string? Description,
    DateTime? StartsAt,
    DateTime? EndsAt,
    string? Format,
    string? JoinUrl,
    string? Venue,
    string? Area,
    int? Capacity,
    IReadOnlyList<string>? Eligibility,
    DateTime? ApplicationDeadline,
    string? FeeNote);
