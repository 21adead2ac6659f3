using Microsoft.Extensions.DependencyInjection;

namespace Salon.Application.Announcements;

/// <summary>The Announcements module's Application services.</summary>
public static class AnnouncementsModule
{
    public static IServiceCollection AddAnnouncementsApplication(this IServiceCollection services) => services;
}
