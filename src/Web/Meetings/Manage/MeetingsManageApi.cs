using Salon.Web.Api;

namespace Salon.Web.Meetings.Manage;

/// <summary>The Meetings routes only officials call (<c>/api/meetings</c>): create, edit, cancel, the applicants.</summary>
public static class MeetingsManageRoutes
{
    public static readonly ApiRoute Create = new("POST", "/api/meetings");
    public static readonly ApiRoute Edit = new("PATCH", "/api/meetings/{id}");
    public static readonly ApiRoute Cancel = new("POST", "/api/meetings/{id}/cancel");
    public static readonly ApiRoute Applications = new("GET", "/api/meetings/{id}/applications");
}

/// <summary>What an official sends (PATCH: null = unchanged; "" clears joinUrl, venue, area, feeNote; an empty
/// eligibility = every family position). Times are UTC.</summary>
public sealed record MeetingInput(
    string? Title, string? Description, DateTime? StartsAt, DateTime? EndsAt, string? Format, string? JoinUrl, string? Venue, string? Area,
    int? Capacity, IReadOnlyList<string>? Eligibility, DateTime? ApplicationDeadline, string? FeeNote);

public sealed record Applicant(Guid Id, string Nickname, IReadOnlyList<string> FamilyPositions);

/// <summary>One application: <see cref="Status"/> is accepted, waitlisted or withdrawn. Never an e-mail address.</summary>
public sealed record MeetingApplication(Guid Id, Applicant Member, string Status, DateTime AppliedAt, DateTime? AcceptedAt, DateTime? WithdrawnAt, string? Note);

public sealed record ApplicationCounts(int Accepted, int Waitlisted, int Withdrawn, int Capacity);

public sealed record ApplicationsPage(IReadOnlyList<MeetingApplication> Items, string? NextCursor, ApplicationCounts Counts);

/// <summary>Every application of a meeting in arrival order (the API's order, which is also the waitlist's), with
/// the counts. <see cref="WaitlistPlace"/> numbers the waitlisted ones 1, 2, 3… as the API promotes them.</summary>
public sealed record Applicants(IReadOnlyList<MeetingApplication> Items, ApplicationCounts Counts)
{
    public int? WaitlistPlace(MeetingApplication application) =>
        application.Status == "waitlisted"
            ? 1 + Items.TakeWhile(a => a.Id != application.Id).Count(a => a.Status == "waitlisted")
            : null;
}

public static class MeetingsManageApi
{
    /// <summary>The API's largest page; a meeting has at most 500 seats, so a handful of pages at most.</summary>
    private const int PageSize = 100;

    public static Task<ApiResult<Meeting>> CreateMeetingAsync(this SalonApiClient api, MeetingInput input) =>
        api.SendAsync<Meeting>(MeetingsManageRoutes.Create, body: input);

    public static Task<ApiResult<Meeting>> EditMeetingAsync(this SalonApiClient api, Guid id, MeetingInput input) =>
        api.SendAsync<Meeting>(MeetingsManageRoutes.Edit, [id], input);

    public static Task<ApiResult<Meeting>> CancelMeetingAsync(this SalonApiClient api, Guid id, string? reason) =>
        api.SendAsync<Meeting>(MeetingsManageRoutes.Cancel, [id], new { reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() });

    /// <summary>All the applications, following the API's cursor; the first failure (403 for members) is returned as is.</summary>
    public static async Task<ApiResult<Applicants>> ApplicantsAsync(this SalonApiClient api, Guid id, CancellationToken cancellationToken = default)
    {
        var items = new List<MeetingApplication>();
        string? cursor = null;
        while (true)
        {
            var page = await api.GetAsync<ApplicationsPage>(MeetingsManageRoutes.Applications, [id],
                [new("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("cursor", cursor)], cancellationToken);
            if (!page.Ok)
            {
                return ApiResult.Failure<Applicants>(page.Problem);
            }

            items.AddRange(page.Value!.Items);
            cursor = page.Value.NextCursor;
            if (cursor is null)
            {
                return ApiResult.Success(new Applicants(items, page.Value.Counts));
            }
        }
    }
}
