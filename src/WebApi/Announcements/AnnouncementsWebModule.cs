using Mediator;
using Salon.Application.Announcements.CreateAnnouncement;
using Salon.Application.Announcements.DeleteAnnouncement;
using Salon.Application.Announcements.EditAnnouncement;
using Salon.Application.Announcements.GetAnnouncement;
using Salon.Application.Announcements.ListAnnouncements;
using Salon.Infrastructure.Announcements;
using Salon.WebApi.Common;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Salon.WebApi.Announcements;

/// <summary>お知らせ (<c>/api/announcements</c>; README "Meetings (交流会) and announcements (お知らせ)"). Reading is open to anyone for public ones; each route sends one
/// message from src/Application/Announcements.</summary>
internal sealed class AnnouncementsWebModule : ISalonModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddAnnouncementsModule(configuration);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var announcements = endpoints.MapGroup("/api/announcements").WithTags("Announcements");
        announcements.MapGet("", async (string? cursor, int? limit, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListAnnouncementsQuery(me.Id, me.IsOfficial, cursor, limit), ct)))
            .WithName("ListAnnouncements").WithSummary("お知らせの一覧 / List announcements")
            .AllowAnonymous().ProducesProblems(Status400BadRequest);

        announcements.MapGet("/{id:guid}", async (Guid id, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetAnnouncementQuery(me.Id, me.IsOfficial, id), ct)))
            .WithName("GetAnnouncement").WithSummary("お知らせを読む / Read an announcement")
            .AllowAnonymous().ProducesProblems(Status404NotFound);

        announcements.MapPost("", async (AnnouncementRequest body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateAnnouncementCommand(me.RequiredId, body.Title ?? string.Empty, body.Body ?? string.Empty, body.Pinned ?? false, body.Public ?? false, body.PublishAt), ct);
                return TypedResults.Created($"/api/announcements/{created.Id}", created);
            })
            .WithName("CreateAnnouncement").WithSummary("お知らせを出す（公式） / Publish an announcement (officials)")
            .RequireAuthorization(Policies.Official).RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden);

        announcements.MapPatch("/{id:guid}", async (Guid id, AnnouncementRequest body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new EditAnnouncementCommand(me.RequiredId, id, body.Title, body.Body, body.Pinned, body.Public, body.PublishAt), ct)))
            .WithName("EditAnnouncement").WithSummary("お知らせを直す（公式） / Edit an announcement (officials)")
            .RequireAuthorization(Policies.Official).RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound, Status422UnprocessableEntity);

        announcements.MapDelete("/{id:guid}", async (Guid id, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteAnnouncementCommand(me.RequiredId, id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteAnnouncement").WithSummary("お知らせを削除する（公式） / Delete an announcement (officials)")
            .RequireAuthorization(Policies.Official).RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(Status401Unauthorized, Status403Forbidden, Status404NotFound);
    }
}
