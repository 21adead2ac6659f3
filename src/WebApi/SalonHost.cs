using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Salon.Application;
using Salon.Application.Common.Behaviors;
using Salon.Domain.Common;
using Salon.Infrastructure;
using Salon.Infrastructure.Jobs;
using Salon.Infrastructure.Persistence;
using Salon.WebApi.Announcements;
using Salon.WebApi.Common;
using Salon.WebApi.Consultations;
using Salon.WebApi.Meetings;
using Salon.WebApi.Insights;
using Salon.WebApi.Jobs;
using Salon.WebApi.Members;
using Salon.WebApi.Moderation;
using Salon.WebApi.Notifications;
using Salon.Web.Hosting;
using Scalar.AspNetCore;

namespace Salon.WebApi;

/// <summary>The composition root. Adding a module is one line in <see cref="Modules"/>.</summary>
internal static class SalonHost
{
    private static readonly ISalonModule[] Modules =
    [
        new MembersWebModule(),
        new NotificationsWebModule(),
        new ConsultationsWebModule(),
        new ModerationWebModule(),
        new MeetingsWebModule(),
        new AnnouncementsWebModule(),
        new InsightsWebModule(),
    ];

    public static WebApplicationBuilder AddSalon(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.Logging.AddSalonLoggingPolicy();

        // The web client's CSS and script from the build output in every environment (tests run as "Testing");
        // a published app has them in wwwroot and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;

            // A consultation is at most 10,000 characters; nothing legitimate needs more than this.
            k.Limits.MaxRequestBodySize = 1024 * 1024;

            // Kestrel's own rejections (a malformed request line, a URL or headers over the limits) get a
            // ProblemDetails body like every other error.
            k.ConfigureEndpointDefaults(listen => listen.UseProblemDetailsForRejections());
        });

        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(ApplicationServices)];
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });

        services.AddSalonInfrastructure(builder.Configuration, builder.Environment);
        foreach (var module in Modules)
        {
            module.AddServices(services, builder.Configuration);
        }

        // Binding failures (malformed JSON, a wrong type, an unknown PATCH field, an unreadable query value) reach
        // the exception handler, which answers with a ProblemDetails naming the field instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.AddHttpContextAccessor();
        services.AddScoped<HttpCurrentMember>();
        services.AddSalonAuthorization();
        services.AddAdminDashboard(builder.Environment);
        services.AddSalonRateLimits(builder.Configuration);
        services.AddSalonTelemetry(builder.Configuration);
        services.AddSalonForwardedHeaders(builder.Configuration);
        if (NativeHeap.CanTrim)
        {
            // malloc's free memory back to the system every 10 s (docs/adr/0050).
            services.AddHostedService<NativeHeapTrimmer>();
        }

        // The web client (src/Web), co-hosted: it calls this same server over loopback (Web:ApiBaseUrl empty).
        services.AddSalonWebClient(builder.Configuration);

        // Web clients on other origins are allowed only when listed (none by default).
        var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            if (origins.Length > 0)
            {
                policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Retry-After", "Location");
            }
        }));
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        services.AddRequestLocalization(options =>
        {
            options.SetDefaultCulture("ja");
            options.AddSupportedCultures("ja", "en");
            options.AddSupportedUICultures("ja", "en");
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
            options.ApplyCurrentCultureToResponseHeaders = true;
        });

        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            if (context.Exception is null && !problem.Extensions.ContainsKey("code"))
            {
                DescribeStatus(problem);
            }
        });

        // The OpenAPI document only where it is served (its assemblies are not loaded otherwise; docs/adr/0030).
        if (ApiDocsEnabled(builder.Configuration, builder.Environment))
        {
            AddApiDocs(services);
        }

        return builder;
    }

    public static async Task InitializeSalonAsync(this WebApplication app)
    {
        // On the final configuration (every source added), before anything touches the database.
        ProductionReadiness.EnsureReady(app.Configuration, app.Environment);
        if (app.Configuration.GetValue(DatabaseOptions.Section + ":" + nameof(DatabaseOptions.MigrateAtStartup), true))
        {
            await app.Services.InitializeDatabaseAsync();
        }
    }

    /// <summary>The middleware and every endpoint but the jobs dashboard's, each endpoint built (<see
    /// cref="EndpointsBuiltOnce"/>). Nothing here touches the database, so Program runs it on a second thread while
    /// <see cref="InitializeSalonAsync"/> migrates and seeds; the dashboard's storage may need the database, so
    /// <see cref="MapSalonJobsDashboard"/> follows the initialisation.</summary>
    public static WebApplication UseSalon(this WebApplication app)
    {
        // Forwarded headers first (only from loopback and configured proxies), so everything after them,
        // the rate limits above all, sees the member's address. Localisation next, so error responses are in
        // the caller's language too.
        app.UseForwardedHeaders();
        app.UseSalonRequestLogging();
        app.UseSalonHeadRequests();
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // A page that does not exist gets the web client's page; the API's paths keep their ProblemDetails.
        app.UseWhen(context => !WebClient.IsApiPath(context.Request.Path), web => web.UseSalonStatusPage());
        app.UseSalonSecurityHeaders();
        if (app.Configuration.GetValue("Security:UseHttps", !app.Environment.IsDevelopment()))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        // Explicit, after the status-code pages, so a re-executed request is routed again.
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseSalonRequestGuards();
        app.UseSalonWebClient();
        app.UseAntiforgery();

        if (ApiDocsEnabled(app.Configuration, app.Environment))
        {
            MapApiDocs(app);
        }

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        var jobServerStart = app.Services.GetRequiredService<JobServerStart>();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            // The default body (the status as plain text); the first healthy answer starts the background job server.
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync(report.Status.ToString());
                if (report.Status != HealthStatus.Unhealthy)
                {
                    jobServerStart.AnsweredReady();
                }
            },
        }).AllowAnonymous();

        foreach (var module in Modules)
        {
            module.MapEndpoints(app);
        }

        // In a group, so that AllowAnonymous reaches the fallback ({**path:file}) that MapStaticAssets adds when it
        // serves from the build output too, not only the endpoints of the manifest.
        app.MapGroup("").AllowAnonymous().MapStaticAssets();
        app.MapSalonWebClient();
        EndpointsBuiltOnce.Build(app, app.Environment);
        return app;
    }

    /// <summary>The background jobs' dashboard, after <see cref="UseSalon"/> and the database's initialisation.</summary>
    public static WebApplication MapSalonJobsDashboard(this WebApplication app)
    {
        app.MapAdminDashboard();
        EndpointsBuiltOnce.Build(app, app.Environment);
        return app;
    }

    private static bool ApiDocsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment() || configuration.GetValue("Api:Docs:Enabled", false);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddApiDocs(IServiceCollection services)
    {
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Salon API";
            document.Info.Description = "Anonymous peer support for families of people with mental illness. Routes, fields and errors: the operations below; a guided tour in the README (\"A first tour with curl\").";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken from POST /api/auth/login.",
            };
            return Task.CompletedTask;
        }).AddSchemaTransformer<SuppressedCountSchema>());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MapApiDocs(WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
    }

    /// <summary>Bodies for errors that did not come from an exception (401 challenge, 403, unmatched 404).</summary>
    private static void DescribeStatus(ProblemDetails problem)
    {
        var (code, text) = problem.Status switch
        {
            StatusCodes.Status401Unauthorized => (HttpErrors.Unauthenticated.Code, HttpErrors.Unauthenticated.Text),
            StatusCodes.Status403Forbidden => (CommonErrors.Forbidden.Code, CommonErrors.Forbidden.Text),
            StatusCodes.Status404NotFound => (CommonErrors.NotFound.Code, CommonErrors.NotFound.Text),
            StatusCodes.Status405MethodNotAllowed => (HttpErrors.MethodNotAllowed.Code, HttpErrors.MethodNotAllowed.Text),
            StatusCodes.Status415UnsupportedMediaType => (HttpErrors.UnsupportedMediaType.Code, HttpErrors.UnsupportedMediaType.Text),
            _ => (HttpErrors.Other.Code, HttpErrors.Other.Text),
        };
        problem.Type = ProblemTypes.For(code);
        problem.Title = text.Current;
        problem.Extensions["code"] = code;
    }
}
