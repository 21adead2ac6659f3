using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Announcements.DigestSections;
using Salon.Application.Notifications.Contracts;

namespace Salon.Application.Announcements;

/// <summary>The Announcements module's Application services.</summary>
public static class AnnouncementsModule
{
    public static IServiceCollection AddAnnouncementsApplication(this IServiceCollection services) => services
        .AddScoped<IDigestSection, NewAnnouncementsDigestSection>()
        .AddScoped<INoticeSubjects, AnnouncementNoticeSubjects>();
}
