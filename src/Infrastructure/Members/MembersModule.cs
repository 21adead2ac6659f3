using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Members;
using Salon.Infrastructure.Identity;
using Salon.Infrastructure.Jobs;
using Salon.Infrastructure.Members.Jobs;
using Salon.Infrastructure.Persistence;

namespace Salon.Infrastructure.Members;

/// <summary>The Members module's infrastructure: its port, Identity, access tokens and session checks.</summary>
public static class MembersModule
{
    public static IServiceCollection AddMembersModule(this IServiceCollection services)
    {
        services.AddMembersApplication();
        services.AddScoped<IMembersDb>(sp => sp.GetRequiredService<SalonDbContext>());
        services.AddScoped<MembersCleanupJob>();
        services.AddSingleton<IRecurringJobRegistrar, MembersRecurringJobs>();

        services.AddIdentityCore<SalonUser>(options =>
            {
                options.User.RequireUniqueEmail = true;

                // Length over composition (NIST SP 800-63B); the validator enforces 8–128 characters.
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddUserStore<SalonUserStore>()
            .AddDefaultTokenProviders();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));

        services.AddScoped<IIdentityService, IdentityService>();
        services.AddSingleton<AccessTokenFormat>();
        services.AddSingleton<IAccessTokenIssuer, AccessTokenIssuer>();
        services.AddScoped<ActiveSessions>();
        services.AddAuthentication(SalonClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(SalonClaims.Scheme, null);
        return services;
    }
}
