using Mediator;
using Salon.Application.Notifications.DescribeUnsubscribe;
using Salon.Application.Notifications.GetNotificationSettings;
using Salon.Application.Notifications.ListNotifications;
using Salon.Application.Notifications.MarkNotificationsRead;
using Salon.Application.Notifications.Unsubscribe;
using Salon.Application.Notifications.UpdateNotificationSettings;
using Salon.Infrastructure.Notifications;
using Salon.WebApi.Common;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Salon.WebApi.Notifications;

/// <summary>Notifications (API.md, "Notifications and digests"): in-app notices and the e-mail outbox.</summary>
internal sealed class NotificationsWebModule : ISalonModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddNotificationsModule(configuration);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // One-click unsubscribe (RFC 8058): no sign-in; GET only describes, POST unsubscribes.
        var unsubscribe = endpoints.MapGroup("/api/unsubscribe").WithTags("Notifications").AllowAnonymous();
        unsubscribe.MapGet("", async (string? token, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DescribeUnsubscribeQuery(token ?? string.Empty), ct)))
            .ProducesProblems(Status400BadRequest, Status404NotFound).RequireRateLimiting(RateLimits.PasswordReset);
        unsubscribe.MapPost("", async (string? token, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UnsubscribeCommand(token ?? string.Empty), ct);
                return TypedResults.NoContent();
            })
            .DisableAntiforgery().ProducesProblems(Status400BadRequest, Status404NotFound).RequireRateLimiting(RateLimits.PasswordReset);

        var settings = endpoints.MapGroup("/api/me/notification-settings").WithTags("Notifications").RequireAuthorization();
        settings.MapGet("", async (HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetNotificationSettingsQuery(me.RequiredId), ct)))
            .ProducesProblems(Status401Unauthorized);
        settings.MapPut("", async (NotificationSettingsRequest body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UpdateNotificationSettingsCommand(me.RequiredId, body.Kinds, body.Digest), ct);
                return TypedResults.Ok(await mediator.Send(new GetNotificationSettingsQuery(me.RequiredId), ct));
            })
            .ProducesProblems(Status400BadRequest, Status401Unauthorized);

        var notifications = endpoints.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();
        notifications.MapGet("", async (string? cursor, int? limit, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListNotificationsQuery(me.RequiredId, cursor, limit), ct)))
            .ProducesProblems(Status400BadRequest, Status401Unauthorized);
        notifications.MapPost("/read", async (MarkReadRequest? body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new MarkNotificationsReadCommand(me.RequiredId, body?.Ids), ct);
                return TypedResults.NoContent();
            })
            .ProducesProblems(Status400BadRequest, Status401Unauthorized);
    }
}
