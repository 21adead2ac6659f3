using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Notifications.Contracts;
using Salon.Application.Notifications.Outbox;

namespace Salon.Application.Notifications;

/// <summary>The Notifications module's Application services.</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsApplication(this IServiceCollection services) =>
        services
            .AddScoped<IEmailOutbox, EmailOutbox>()
            .AddScoped<IEmailDeliverability, EmailDeliverability>()
            .AddScoped<NoticeSender>()
            .AddScoped<IDigestSection, DigestSections.UnreadNoticesDigestSection>();
}
