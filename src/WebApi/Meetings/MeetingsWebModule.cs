using Mediator;
using Salon.Application.Meetings;
using Salon.Application.Meetings.ApplyToMeeting;
using Salon.Application.Meetings.CancelMeeting;
using Salon.Application.Meetings.CreateMeeting;
using Salon.Application.Meetings.EditMeeting;
using Salon.Application.Meetings.GetMeeting;
using Salon.Application.Meetings.GetMeetingCalendar;
using Salon.Application.Meetings.ListApplications;
using Salon.Application.Meetings.ListMeetings;
using Salon.Application.Meetings.WithdrawApplication;
using Salon.Infrastructure.Meetings;
using Salon.WebApi.Common;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Salon.WebApi.Meetings;

/// <summary>交流会 (<c>/api/meetings</c>; README "Meetings (交流会) and announcements (お知らせ)"). Each route sends one message; its folder under
/// src/Application/Meetings is named after it.</summary>
internal sealed class MeetingsWebModule : ISalonModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddMeetingsModule(configuration);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var meetings = endpoints.MapGroup("/api/meetings").WithTags("Meetings").RequireAuthorization();
        meetings.MapGet("", async (bool? past, string? format, bool? eligible, string? cursor, int? limit, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListMeetingsQuery(me.RequiredId, me.IsOfficial, past ?? false, cursor, limit, format, eligible ?? false), ct)))
            .WithName("ListMeetings").WithSummary("交流会の一覧 / List meetings")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized);

        meetings.MapGet("/{id:guid}", async (Guid id, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetMeetingQuery(me.RequiredId, me.IsOfficial, id), ct)))
            .WithName("GetMeeting").WithSummary("交流会の詳細 / Read a meeting")
            .ProducesProblems(Status401Unauthorized, Status404NotFound);

        meetings.MapPost("", async (MeetingInput body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                var meeting = await mediator.Send(new CreateMeetingCommand(me.RequiredId, body), ct);
                return TypedResults.Created($"/api/meetings/{meeting.Id}", meeting);
            })
            .WithName("CreateMeeting").WithSummary("交流会を作る（公式） / Create a meeting (officials)")
            .RequireAuthorization(Policies.Official).RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden);

        meetings.MapPatch("/{id:guid}", async (Guid id, MeetingInput body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new EditMeetingCommand(me.RequiredId, id, body), ct)))
            .WithName("EditMeeting").WithSummary("交流会を編集する（主催） / Edit a meeting (organisers)")
            .RequireAuthorization(Policies.Official).RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound, Status409Conflict, Status422UnprocessableEntity);

        meetings.MapPost("/{id:guid}/cancel", async (Guid id, CancelMeetingRequest? body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new CancelMeetingCommand(me.RequiredId, id, body?.Reason), ct);
                return TypedResults.Ok(await mediator.Send(new GetMeetingQuery(me.RequiredId, true, id), ct));
            })
            .WithName("CancelMeeting").WithSummary("交流会を中止する（主催） / Cancel a meeting (organisers)")
            .RequireAuthorization(Policies.Official).RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound, Status409Conflict);

        meetings.MapPost("/{id:guid}/applications", async (Guid id, ApplyRequest? body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new ApplyToMeetingCommand(me.RequiredId, id, body?.Note), ct);
                return TypedResults.Created($"/api/meetings/{id}", result);
            })
            .WithName("ApplyToMeeting").WithSummary("交流会に申し込む / Apply to a meeting")
            .RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound, Status409Conflict, Status422UnprocessableEntity);

        meetings.MapDelete("/{id:guid}/applications/me", async (Guid id, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new WithdrawApplicationCommand(me.RequiredId, id), ct);
                return TypedResults.NoContent();
            })
            .WithName("WithdrawApplication").WithSummary("申し込みを取り消す / Withdraw my application")
            .RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(Status401Unauthorized, Status404NotFound);

        meetings.MapGet("/{id:guid}/applications", async (Guid id, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListApplicationsQuery(id, cursor, limit), ct)))
            .WithName("ListApplications").WithSummary("申込者の一覧（主催） / List applications (organisers)")
            .RequireAuthorization(Policies.Official)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound);

        meetings.MapGet("/{id:guid}/calendar.ics", async (Guid id, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new GetMeetingCalendarQuery(me.RequiredId, me.IsOfficial, id), ct);
                return TypedResults.Text(file.Content, "text/calendar; charset=utf-8");
            })
            .WithName("GetMeetingCalendar").WithSummary("交流会をカレンダーに追加する（.ics） / Meeting as a calendar file (.ics)")
            .Produces<string>(Status200OK, "text/calendar")
            .ProducesProblems(Status401Unauthorized, Status403Forbidden, Status404NotFound);
    }
}
