using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Members.Contracts;
using Salon.Application.Members.Directory;
using Salon.Application.Members.Sessions;

namespace Salon.Application.Members;

/// <summary>The Members module's Application services (handlers and validators are discovered).</summary>
public static class MembersModule
{
    public static IServiceCollection AddMembersApplication(this IServiceCollection services) => services
        .AddScoped<SessionTokens>()
        .AddScoped<Login.PasswordCheck>()
        .AddScoped<IMemberDirectory, MemberDirectory>()
        .AddScoped<IMemberModeration, MemberModeration>()
        .AddScoped<IMemberContacts, MemberContacts>()
        .AddScoped<IMemberStatistics, Statistics.MemberStatistics>();
}
