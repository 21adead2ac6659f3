using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Salon.WebApi.Common;

/// <summary>
/// Builds each of the application's endpoints once (docs/adr/0039). ASP.NET Core's minimal-API data sources build
/// every endpoint afresh each time their list is read — each handler's request delegate from expression trees, its
/// JSON contracts, its metadata — and the host reads the list twice before the first answer: for the authorisation
/// middleware's policy cache while the pipeline is built, and again for the route matcher on the first request. With
/// the list built once, and built on a second core while the database starts (Program.cs), start-up does that work
/// once and earlier. Salon's endpoints never change after start-up; only hot reload in Development changes them, so
/// there the data sources stay as they are.
/// </summary>
internal sealed class EndpointsBuiltOnce(EndpointDataSource inner) : EndpointDataSource
{
    private readonly Lazy<IReadOnlyList<Endpoint>> _endpoints = new(() => inner.Endpoints, LazyThreadSafetyMode.ExecutionAndPublication);

    public override IReadOnlyList<Endpoint> Endpoints => _endpoints.Value;

    public override IChangeToken GetChangeToken() => NullChangeToken.Singleton;

    // Only reached when a data source sits inside a route group; these sit at the application's top level.
    public override IReadOnlyList<Endpoint> GetGroupedEndpoints(RouteGroupContext context) => inner.GetGroupedEndpoints(context);

    /// <summary>Replaces each top-level data source not yet replaced by one that builds its endpoints once, and
    /// builds them now. Call it after everything is mapped (conventions added later would be missed); sources mapped
    /// after a call are replaced by the next call.</summary>
    public static void Build(IEndpointRouteBuilder app, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        var sources = app.DataSources.ToList();
        app.DataSources.Clear();
        foreach (var source in sources)
        {
            var once = source as EndpointsBuiltOnce ?? new EndpointsBuiltOnce(source);
            app.DataSources.Add(once);
            _ = once.Endpoints;
        }
    }
}
