using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Salon.Web.Api;
using Salon.Web.Layout;
using Salon.Web.Meetings;
using Salon.Web.Meetings.Manage;
using Salon.Web.Settings;

namespace Salon.Web.Hosting;

/// <summary>How a host takes the web client in: <see cref="AddSalonWebClient"/> with the services,
/// <see cref="UseSalonWebClient"/> after authentication and before the endpoints, and
/// <see cref="MapSalonWebClient"/> with the endpoints. src/WebApi (co-hosted) and
/// <see cref="WebClientProgram"/> (standalone) both do exactly this.</summary>
public static class WebClient
{
    /// <summary>Paths that belong to the API and its operations, never to the web client.</summary>
    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health")
        || path.StartsWithSegments("/scalar") || path.StartsWithSegments("/hangfire");

    /// <summary>The page the status-code pages re-execute for a page request answered with an error and no body
    /// (<see cref="UseSalonStatusPage"/> in both hosts): "not found", for <c>?status=405</c> a method the page does not
    /// take, or for <c>?status=400</c> a refused form post or an address whose query holds NUL. In a scope of its own
    /// (<c>createScopeForStatusCodePages</c>): a form post is refused after the page's navigation state was set up in the
    /// request's scope, and a second page cannot set it up again there (a server error).</summary>
    public const string StatusPagePath = "/not-found";

    /// <inheritdoc cref="StatusPagePath"/>
    public const string StatusPageQuery = "?status={0}";

    /// <summary>The status page (<see cref="StatusPagePath"/>) for a page request answered with an error and no body, in
    /// both hosts, before routing. The status page is re-executed as a <c>GET</c> whatever the request's method: a page
    /// takes <c>GET</c>, <c>HEAD</c> and <c>POST</c> only, so re-executed with the request's own method (<c>PUT /</c>, a
    /// <c>DELETE</c> of a page) it was refused in turn (405) and the answer was a bare status, or co-hosted the API's
    /// ProblemDetails; and a re-executed <c>POST</c> would be checked as a form post again. <c>HEAD</c> stays
    /// <c>HEAD</c>, so its answer keeps no body. The method is put back afterwards. (A host's own routing must follow this,
    /// as it does in both hosts: on a <c>WebApplication</c> the status-code pages route the re-executed request themselves,
    /// with its own method, so it is routed again here.)</summary>
    public static IApplicationBuilder UseSalonStatusPage(this IApplicationBuilder app) =>
        app.UseStatusCodePagesWithReExecute(StatusPagePath, StatusPageQuery, createScopeForStatusCodePages: true).Use(StatusPageAsGet);

    /// <summary>The page's security policy: only this origin's own CSS, scripts and forms.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    public static IServiceCollection AddSalonWebClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebClientOptions>().Bind(configuration.GetSection(WebClientOptions.Section));
        services.AddRazorComponents();
        services.AddHttpContextAccessor();
        services.AddAntiforgery();

        // Japanese (and every other script) as characters, not &#x…; entities; markup is still encoded.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApiAddress>();
        services.AddSingleton<SessionCookie>();
        services.AddSingleton<TokenRefresher>();
        services.AddScoped<SessionState>();
        services.AddScoped<Staff.StaffAccess>();
        services.AddHttpClient<SalonApiClient>((provider, client) =>
        {
            client.BaseAddress = provider.GetRequiredService<ApiAddress>().BaseAddress;
            client.Timeout = TimeSpan.FromSeconds(30);
        }).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return services;
    }

    /// <summary>Refuses page requests with a Host that makes no address (<see cref="HostCheck"/>), leaves addresses
    /// whose query holds NUL (<see cref="RefusedQueries"/>) and the framework's refusals of form posts (<see
    /// cref="RefusedFormPosts"/>) to the status page, then reads the sign-in cookie for page requests (refreshing the
    /// tokens when due).</summary>
    public static IApplicationBuilder UseSalonWebClient(this IApplicationBuilder app) =>
        app.Use(HostCheck.Apply).Use(RefusedQueries.Apply).Use(RefusedFormPosts.Apply).UseMiddleware<SessionMiddleware>();

    public static RazorComponentsEndpointConventionBuilder MapSalonWebClient(this IEndpointRouteBuilder endpoints)
    {
        // Files the API serves to a bearer token, proxied for the browser (FileDownloads), and the data export.
        endpoints.MapMeetingCalendar();
        endpoints.MapApplicantsCsv();
        endpoints.MapExportDownload();

        // Pages are open to the host's authorisation: each page checks the web client's session itself (and sends a
        // visitor to the sign-in page), and every call it makes to the API carries the member's token.
        return endpoints.MapRazorComponents<App>().AllowAnonymous();
    }

    private static async Task StatusPageAsGet(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            await next();
            return;
        }

        // Routed again as a GET: a WebApplication's status-code pages route the re-executed request before this runs.
        var method = request.Method;
        request.Method = HttpMethods.Get;
        context.SetEndpoint(null);
        request.RouteValues.Clear();
        try
        {
            await next();
        }
        finally
        {
            request.Method = method;
        }
    }

    /// <summary>Is this request for a page of the web client (a Razor component endpoint), or for one of its
    /// download endpoints, which need the session too?</summary>
    internal static bool IsPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata is { } metadata
        && (metadata.GetMetadata<ComponentTypeMetadata>() is not null
            || metadata.GetMetadata<FileDownloads.SessionEndpoint>() is not null);
}

/// <summary>Where the API is: <c>Web:ApiBaseUrl</c>, or, co-hosted, this server's own address over loopback
/// (an http address when there is one), so each call goes through the API's whole pipeline.</summary>
internal sealed class ApiAddress(IServiceProvider services, Microsoft.Extensions.Options.IOptions<WebClientOptions> options)
{
    private Uri? _address;

    public Uri BaseAddress => _address ??= Resolve();

    private Uri Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.ApiBaseUrl))
        {
            return new Uri(options.Value.ApiBaseUrl.TrimEnd('/') + "/");
        }

        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The web client cannot find the API: the server has no address. Set Web:ApiBaseUrl.");
        var uri = new UriBuilder(chosen.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }
        else if (uri.Host is "[::]" or "::")
        {
            uri.Host = "[::1]";
        }

        uri.Path = "/";
        return uri.Uri;
    }
}
