using Salon.Infrastructure.Notifications;
using Salon.WebApi.Common;

namespace Salon.WebApi.Notifications;

/// <summary>Notifications: for now the e-mail outbox and its delivery job; in-app notifications and
/// digests add their routes here.</summary>
internal sealed class NotificationsWebModule : ISalonModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddNotificationsModule(configuration);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
