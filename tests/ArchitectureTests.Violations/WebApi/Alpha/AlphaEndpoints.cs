using Salon.Application.Alpha;

namespace Salon.WebApi.Alpha;

/// <summary>Planted (endpoints go through the mediator): an endpoint that uses the persistence port.</summary>
public sealed class AlphaEndpoints(IAlphaDb db)
{
    public int Save() => db.SaveChanges();
}
