namespace Salon.WebApi.Common;

/// <summary>A module's one registration entry point in the Web API: its services (which call its
/// Infrastructure and Application registrations) and its endpoint group.</summary>
internal interface ISalonModule
{
    void AddServices(IServiceCollection services, IConfiguration configuration);

    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
