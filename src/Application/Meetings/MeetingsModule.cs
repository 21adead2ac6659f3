using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Meetings.Contracts;
using Salon.Application.Meetings.DigestSections;
using Salon.Application.Meetings.Statistics;
using Salon.Application.Notifications.Contracts;

namespace Salon.Application.Meetings;

/// <summary>The Meetings module's Application services (its event handlers and data-export contributor are
/// discovered by <see cref="ApplicationServices"/>).</summary>
public static class MeetingsModule
{
    public static IServiceCollection AddMeetingsApplication(this IServiceCollection services) => services
        .AddScoped<IMeetingStatistics, MeetingStatistics>()
        .AddScoped<IDigestSection, UpcomingMeetingsDigestSection>();
}
