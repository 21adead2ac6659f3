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

/// <summary>Safety and moderation (<c>/api/safety</c>, <c>/api/reports</c>, <c>/api/moderation</c>; README "Safety"). Each route sends one message; the
/// message's folder under src/Application/Moderation is named after it.</summary>
internal sealed class ModerationWebModule : ISalonModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddModerationModule(configuration);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var safety = endpoints.MapGroup("/api/safety").WithTags("Safety");
        safety.MapGet("/resources", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetSafetyResourcesQuery(), ct)))
            .WithName("GetSafetyResources").WithSummary("相談窓口の一覧 / Crisis and support lines")
            .AllowAnonymous();
        safety.MapPost("/screen", async (ScreenTextQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ScreenText").WithSummary("投稿前の安全確認 / Screen a draft for crisis words")
            .RequireAuthorization().ProducesProblems(Status400BadRequest, Status401Unauthorized)
            .RequireRateLimiting(RateLimits.Screening);

        endpoints.MapPost("/api/reports", async (FileReportRequest body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new FileReportCommand(me.RequiredId, me.IsModerator, body.PostId, body.Reason, body.Note), ct);
                return TypedResults.Created((string?)null, result);
            })
            .WithName("FileReport").WithSummary("投稿を通報する / Report a post")
            .WithTags("Safety").RequireAuthorization()
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status404NotFound, Status409Conflict)
            .RequireRateLimiting(RateLimits.Writes);

        var moderation = endpoints.MapGroup("/api/moderation").WithTags("Moderation").RequireAuthorization(Policies.Moderator);
        moderation.MapGet("/queue", async (string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetModerationQueueQuery(cursor, limit), ct)))
            .WithName("GetModerationQueue").WithSummary("確認待ちの一覧（モデレーター） / Moderation queue (moderators)")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden);

        moderation.MapGet("/queue/count", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CountModerationQueueQuery(), ct)))
            .WithName("CountModerationQueue").WithSummary("確認待ちの件数（モデレーター） / Moderation queue count (moderators)")
            .WithDescription("How many items are open, and how many of those are priority (for a badge).")
            .ProducesProblems(Status401Unauthorized, Status403Forbidden);

        moderation.MapPost("/items/{id:guid}/resolve", async (Guid id, ResolveRequest body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ResolveModerationItemCommand(me.RequiredId, id, body.Action, body.Note), ct);
                return TypedResults.NoContent();
            })
            .WithName("ResolveModerationItem").WithSummary("確認待ちを処理する（モデレーター） / Resolve a moderation item (moderators)")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound, Status409Conflict, Status422UnprocessableEntity);

        moderation.MapPost("/members/{id:guid}/suspend", async (Guid id, SuspendRequest body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SuspendMemberCommand(me.RequiredId, me.IsInRole(MemberRoles.Admin), id, body.Until, body.Reason), ct);
                return TypedResults.NoContent();
            })
            .WithName("SuspendMember").WithSummary("メンバーを利用停止にする（モデレーター） / Suspend a member (moderators)")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound, Status422UnprocessableEntity);

        moderation.MapPost("/members/{id:guid}/unsuspend", async (Guid id, UnsuspendRequest? body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UnsuspendMemberCommand(me.RequiredId, id, body?.Reason), ct);
                return TypedResults.NoContent();
            })
            .WithName("UnsuspendMember").WithSummary("利用停止を解除する（モデレーター） / Lift a suspension (moderators)")
            .ProducesProblems(Status401Unauthorized, Status403Forbidden, Status404NotFound);

        moderation.MapGet("/audit", async (string? cursor, int? limit, Guid? actor, string? action, DateOnly? from, DateOnly? to, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetAuditLogQuery(cursor, limit, actor, action, from, to), ct)))
            .WithName("GetAuditLog").WithSummary("対応の記録（モデレーター） / Audit trail (moderators)")
            .WithDescription("Newest first. Filters: actor (the member id of the moderator or admin), action (exact, e.g. resolve:hide, suspend), "
                + "from and to (calendar days in Japan, both included).")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden);

        moderation.MapGet("/watched-words", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetWatchedWordsQuery(), ct)))
            .WithName("GetWatchedWords").WithSummary("注意語の一覧（管理者） / Watched words (admins)")
            .RequireAuthorization(Policies.Admin).ProducesProblems(Status401Unauthorized, Status403Forbidden);

        moderation.MapPut("/watched-words", async (IReadOnlyList<WatchedWordDto> words, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReplaceWatchedWordsCommand(me.RequiredId, words), ct)))
            .WithName("ReplaceWatchedWords").WithSummary("注意語を設定する（管理者） / Replace the watched words (admins)")
            .RequireAuthorization(Policies.Admin).ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status409Conflict);
    }
}
