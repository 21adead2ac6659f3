using Microsoft.Extensions.DependencyInjection;

namespace Salon.Infrastructure.Insights;

/// <summary>The Insights module owns no tables: it composes the statistics contracts that Members,
/// Consultations and Moderation register with their own Application services.</summary>
public static class InsightsModule
{
    public static IServiceCollection AddInsightsModule(this IServiceCollection services) => services;
}
