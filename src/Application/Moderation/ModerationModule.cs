using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Moderation.Contracts;

namespace Salon.Application.Moderation;

/// <summary>The Moderation module's Application services.</summary>
public static class ModerationModule
{
    public static IServiceCollection AddModerationApplication(this IServiceCollection services) => services
        .AddSingleton<WatchedWordCache>()
        .AddSingleton<CrisisLexicon>()
        .AddScoped<PostScreening>()
        .AddScoped<IPostScreening>(sp => sp.GetRequiredService<PostScreening>())
        .AddScoped<ISupportResources>(sp => sp.GetRequiredService<PostScreening>())
        .AddScoped<IModerationStatistics, Statistics.ModerationStatistics>();
}
