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

/// <summary>Notifications (<c>/api/notifications</c>, <c>/api/me/notification-settings</c>, <c>/api/unsubscribe</c>): in-app notices and the e-mail outbox.</summary>
internal sealed class NotificationsWebModule : ISalonModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddNotificationsModule(configuration);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // One-click unsubscribe (RFC 8058): no sign-in; GET only describes, POST unsubscribes.
        var unsubscribe = endpoints.MapGroup("/api/unsubscribe").WithTags("Notifications").AllowAnonymous();
        unsubscribe.MapGet("", async (string? token, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DescribeUnsubscribeQuery(token ?? string.Empty), ct)))
            .WithName("DescribeUnsubscribe").WithSummary("配信停止の内容を確かめる / What an unsubscribe link stops")
            .ProducesProblems(Status400BadRequest, Status404NotFound).RequireRateLimiting(RateLimits.PasswordReset);
        unsubscribe.MapPost("", async (string? token, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UnsubscribeCommand(token ?? string.Empty), ct);
                return TypedResults.NoContent();
            })
            .WithName("Unsubscribe").WithSummary("メールの配信を停止する / Unsubscribe from e-mails")
            .DisableAntiforgery().ProducesProblems(Status400BadRequest, Status404NotFound).RequireRateLimiting(RateLimits.PasswordReset);

        var settings = endpoints.MapGroup("/api/me/notification-settings").WithTags("Notifications").RequireAuthorization();
        settings.MapGet("", async (HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetNotificationSettingsQuery(me.RequiredId), ct)))
            .WithName("GetNotificationSettings").WithSummary("通知の設定 / My notification settings")
            .ProducesProblems(Status401Unauthorized);
        settings.MapPut("", async (NotificationSettingsRequest body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UpdateNotificationSettingsCommand(me.RequiredId, body.Kinds, body.Digest), ct);
                return TypedResults.Ok(await mediator.Send(new GetNotificationSettingsQuery(me.RequiredId), ct));
            })
            .WithName("UpdateNotificationSettings").WithSummary("通知の設定を変更する / Change my notification settings")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized);

        var notifications = endpoints.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();
        notifications.MapGet("", async (string? cursor, int? limit, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListNotificationsQuery(me.RequiredId, cursor, limit), ct)))
            .WithName("ListNotifications").WithSummary("通知の一覧 / List my notifications")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized);
        notifications.MapPost("/read", async (MarkReadRequest? body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new MarkNotificationsReadCommand(me.RequiredId, body?.Ids), ct);
                return TypedResults.NoContent();
            })
            .WithName("MarkNotificationsRead").WithSummary("通知を既読にする / Mark notifications read")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized);
    }
}
