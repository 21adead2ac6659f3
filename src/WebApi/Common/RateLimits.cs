using System.Globalization;
using System.Threading.RateLimiting;

namespace Salon.WebApi.Common;

/// <summary>ASP.NET Core's rate limiter: per client address on sign-in, registration, password reset and
/// the safety screen; per member on writes. A refusal is a 429 ProblemDetails with Retry-After.</summary>
internal static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Registration = "registration";
    public const string PasswordReset = "password-reset";
    public const string Screening = "screening";
    public const string Writes = "writes";

    public static IServiceCollection AddSalonRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignIn, context => ByAddress(context, limits.SignIn));
            options.AddPolicy(Registration, context => ByAddress(context, limits.Registration));
            options.AddPolicy(PasswordReset, context => ByAddress(context, limits.PasswordReset));
            options.AddPolicy(Screening, context => ByAddress(context, limits.Screening));
            options.AddPolicy(Writes, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(Infrastructure.Identity.SalonClaims.MemberId)?.Value ?? Address(context),
                _ => Window(limits.Writes)));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = HttpErrors.RateLimited.Status,
                        Type = ProblemTypes.For(HttpErrors.RateLimited.Code),
                        Title = HttpErrors.RateLimited.Text.Current,
                        Extensions = { ["code"] = HttpErrors.RateLimited.Code, ["retryAfter"] = retryAfter },
                    },
                });
            };
        });
        return services;
    }

    private static RateLimitPartition<string> ByAddress(HttpContext context, RateLimitOptions.LimitOptions limit) =>
        RateLimitPartition.GetFixedWindowLimiter(Address(context), _ => Window(limit));

    // Behind a reverse proxy, configure forwarded headers so this is the client's address (docs/deploy).
    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FixedWindowRateLimiterOptions Window(RateLimitOptions.LimitOptions limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = limit.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
