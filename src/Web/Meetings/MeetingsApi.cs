using Salon.Web.Api;

namespace Salon.Web.Meetings;

/// <summary>The Meetings routes the web client calls (<c>/api/meetings</c>).</summary>
public static class MeetingsRoutes
{
    public static readonly ApiRoute List = new("GET", "/api/meetings");
    public static readonly ApiRoute Meeting = new("GET", "/api/meetings/{id}");
    public static readonly ApiRoute Apply = new("POST", "/api/meetings/{id}/applications");
    public static readonly ApiRoute Withdraw = new("DELETE", "/api/meetings/{id}/applications/me");
    public static readonly ApiRoute Calendar = new("GET", "/api/meetings/{id}/calendar.ics");
}

/// <summary>The member's own application: <c>accepted</c> or <c>waitlisted</c> (with the 1-based place).</summary>
public sealed record MyApplication(string Status, DateTime AppliedAt, int? WaitlistPosition);

/// <summary>A meeting as the API gives it. <see cref="Venue"/> and <see cref="JoinUrl"/> are null unless the member
/// is accepted (or an official); <see cref="Area"/> is always there for offline meetings. An empty
/// <see cref="Eligibility"/> means every family position. <see cref="Status"/>: scheduled, in_progress, ended, cancelled.</summary>
public sealed record Meeting(
    Guid Id, string Title, string Description, DateTime StartsAt, DateTime EndsAt, DateTimeOffset StartsAtJst, DateTimeOffset EndsAtJst,
    string Format, string? Area, string? Venue, string? JoinUrl, int Capacity, int SeatsLeft, int WaitlistCount,
    IReadOnlyList<string> Eligibility, bool Eligible, DateTime ApplicationDeadline, DateTimeOffset ApplicationDeadlineJst,
    bool AcceptingApplications, string? FeeNote, string Status, DateTime? CancelledAt, string? CancellationReason, MyApplication? MyApplication)
{
    public bool Accepted => MyApplication?.Status == "accepted";

    public bool Waitlisted => MyApplication?.Status == "waitlisted";
}

/// <summary>POST …/applications answers this: <c>accepted</c>, or <c>waitlisted</c> with the place.</summary>
public sealed record ApplicationResult(Guid MeetingId, string Status, DateTime AppliedAt, int? WaitlistPosition);

public static class MeetingsApi
{
    public static Task<ApiResult<Page<Meeting>>> MeetingsAsync(this SalonApiClient api, bool past, string? format, bool eligible, string? cursor) =>
        api.GetAsync<Page<Meeting>>(MeetingsRoutes.List, query:
            [new("past", past ? "true" : null), new("format", format), new("eligible", eligible ? "true" : null), new("cursor", cursor)]);

    public static Task<ApiResult<Meeting>> MeetingAsync(this SalonApiClient api, Guid id) =>
        api.GetAsync<Meeting>(MeetingsRoutes.Meeting, [id]);

    public static Task<ApiResult<ApplicationResult>> ApplyAsync(this SalonApiClient api, Guid id, string? note) =>
        api.SendAsync<ApplicationResult>(MeetingsRoutes.Apply, [id], new { note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() });

    public static Task<ApiResult<NoContent>> WithdrawAsync(this SalonApiClient api, Guid id) =>
        api.SendAsync(MeetingsRoutes.Withdraw, [id]);
}
