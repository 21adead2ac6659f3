using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Consultations.ContractImplementations;
using Salon.Application.Consultations.Contracts;
using Salon.Application.Consultations.DigestSections;
using Salon.Application.Notifications.Contracts;

namespace Salon.Application.Consultations;

/// <summary>The Consultations module's Application services: what it offers other modules.</summary>
public static class ConsultationsModule
{
    public static IServiceCollection AddConsultationsApplication(this IServiceCollection services) => services
        .AddSingleton<TagCache>()
        .AddScoped<IPostModeration, PostModeration>()
        .AddScoped<IPostVisibility, PostVisibilityCheck>()
        .AddScoped<ITopicFollowers, TopicFollowersLookup>()
        .AddScoped<IConsultationStatistics, Statistics.ConsultationStatistics>()
        .AddScoped<IPostReactions, PostReactionsView>()
        .AddScoped<IDigestSection, FollowedRepliesDigestSection>()
        .AddScoped<IDigestSection, PopularTopicsDigestSection>()
        .AddScoped<IDigestSection, UnansweredTopicsDigestSection>()
        .AddScoped<INoticeSubjects, ConsultationNoticeSubjects>();
}
