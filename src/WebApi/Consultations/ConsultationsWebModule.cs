using Salon.Infrastructure.Consultations;
using Salon.WebApi.Common;

namespace Salon.WebApi.Consultations;

/// <summary>Consultations: for now the default boards and tags; topics and replies add their routes here.</summary>
internal sealed class ConsultationsWebModule : ISalonModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddConsultationsModule();

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
