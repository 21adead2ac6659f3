using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Salon.Web.Hosting;

/// <summary>The redaction policy (docs/operations.md): e-mails, tokens, passwords and post text are never
/// logged, at any level. What could carry them is closed off here, in code, so a verbose log level set in
/// configuration cannot reopen it:
/// - ASP.NET Core's own request logs ("Request starting … ?token=…") print the query string, which carries
///   unsubscribe tokens. They are capped at Warning and replaced by <see cref="UseSalonRequestLogging"/>,
///   which logs the route template (no ids, no query), the status and the duration.
/// - EF Core never gets sensitive-data logging (parameter values stay '?'); a test checks the option.
/// - Request bodies and headers are never logged (no HTTP logging middleware, no {@Request}).
/// Used by both hosts: the API's (which co-hosts the web client) and the web client's own (<see cref="WebClientProgram"/>),
/// whose pages are the targets of the e-mail links (?userId=…&amp;token=…, ?email=…) and of searches (?q=…).</summary>
public static class LoggingPolicy
{
    /// <summary>Categories whose messages include the raw URL with its query string, or the raw path with its ids
    /// (a member's id in <c>/members/{id}</c>, and in the web client's own calls to the API, <c>/api/members/{id}</c>,
    /// <c>/api/me/blocks/{memberId}</c>: HttpClient's request logs are Information).</summary>
    private static readonly string[] UrlLoggingCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.HttpLogging",
        "Microsoft.AspNetCore.W3CLogging",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Components.Routing",
        "System.Net.Http.HttpClient",
    ];

    public static ILoggingBuilder AddSalonLoggingPolicy(this ILoggingBuilder logging)
    {
        // Added after the configuration's rules, so these win over any level set there for the same category.
        foreach (var category in UrlLoggingCategories)
        {
            logging.AddFilter(category, LogLevel.Warning);
        }

        return logging;
    }

    public static IApplicationBuilder UseSalonRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Salon.Requests");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();

            try
            {
                await next();
            }
            finally
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    // Taken on the way out (routing runs after this middleware); the exception handler clears the
                    // endpoint when it re-executes, and keeps the one that failed in its feature.
                    var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
                    var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
                    // The route template, never the path (ids) or the query string (tokens).
                    logger.LogInformation(
                        "HTTP {Method} {Route} responded {StatusCode} in {ElapsedMilliseconds:0} ms",
                        context.Request.Method,
                        route,
                        context.Response.StatusCode,
                        Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        });
    }
}
