using Mediator;
using Salon.Application.Moderation.CountModerationQueue;
using Salon.Application.Moderation.FileReport;
using Salon.Application.Moderation.GetAuditLog;
using Salon.Application.Moderation.GetModerationQueue;
using Salon.Application.Moderation.GetSafetyResources;
using Salon.Application.Moderation.GetWatchedWords;
using Salon.Application.Moderation.ReplaceWatchedWords;
using Salon.Application.Moderation.ResolveModerationItem;
using Salon.Application.Moderation.ScreenText;
using Salon.Application.Moderation.SuspendMember;
using Salon.Application.Moderation.UnsuspendMember;
using Salon.Domain.Common;
using Salon.Infrastructure.Moderation;
using Salon.WebApi.Common;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Salon.WebApi.Moderation;

/// <summary>Safety and moderation (API.md, "Safety and moderation"). Each route sends one message; the
/// message's folder under src/Application/Moderation is named after it.</summary>
internal sealed class ModerationWebModule : ISalonModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddModerationModule(configuration);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var safety = endpoints.MapGroup("/api/safety").WithTags("Safety");
        safety.MapGet("/resources", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetSafetyResourcesQuery(), ct)))
            .AllowAnonymous();
        safety.MapPost("/screen", async (ScreenTextQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .RequireAuthorization().ProducesProblems(Status400BadRequest, Status401Unauthorized)
            .RequireRateLimiting(RateLimits.Screening);

        endpoints.MapPost("/api/reports", async (FileReportRequest body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new FileReportCommand(me.RequiredId, me.IsModerator, body.PostId, body.Reason, body.Note), ct);
                return TypedResults.Created((string?)null, result);
            })
            .WithTags("Safety").RequireAuthorization()
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status404NotFound, Status409Conflict)
            .RequireRateLimiting(RateLimits.Writes);

        var moderation = endpoints.MapGroup("/api/moderation").WithTags("Moderation").RequireAuthorization(Policies.Moderator);
        moderation.MapGet("/queue", async (string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetModerationQueueQuery(cursor, limit), ct)))
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden);

        moderation.MapGet("/queue/count", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CountModerationQueueQuery(), ct)))
            .WithDescription("How many items are open, and how many of those are priority (for a badge).")
            .ProducesProblems(Status401Unauthorized, Status403Forbidden);

        moderation.MapPost("/items/{id:guid}/resolve", async (Guid id, ResolveRequest body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ResolveModerationItemCommand(me.RequiredId, id, body.Action, body.Note), ct);
                return TypedResults.NoContent();
            })
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound, Status409Conflict, Status422UnprocessableEntity);

        moderation.MapPost("/members/{id:guid}/suspend", async (Guid id, SuspendRequest body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SuspendMemberCommand(me.RequiredId, me.IsInRole(MemberRoles.Admin), id, body.Until, body.Reason), ct);
                return TypedResults.NoContent();
            })
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound, Status422UnprocessableEntity);

        moderation.MapPost("/members/{id:guid}/unsuspend", async (Guid id, UnsuspendRequest? body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UnsuspendMemberCommand(me.RequiredId, id, body?.Reason), ct);
                return TypedResults.NoContent();
            })
            .ProducesProblems(Status401Unauthorized, Status403Forbidden, Status404NotFound);

        moderation.MapGet("/audit", async (string? cursor, int? limit, Guid? actor, string? action, DateOnly? from, DateOnly? to, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetAuditLogQuery(cursor, limit, actor, action, from, to), ct)))
            .WithDescription("Newest first. Filters: actor (the member id of the moderator or admin), action (exact, e.g. resolve:hide, suspend), "
                + "from and to (calendar days in Japan, both included).")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden);

        moderation.MapGet("/watched-words", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetWatchedWordsQuery(), ct)))
            .RequireAuthorization(Policies.Admin).ProducesProblems(Status401Unauthorized, Status403Forbidden);

        moderation.MapPut("/watched-words", async (IReadOnlyList<WatchedWordDto> words, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReplaceWatchedWordsCommand(me.RequiredId, words), ct)))
            .RequireAuthorization(Policies.Admin).ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden);
    }
}
