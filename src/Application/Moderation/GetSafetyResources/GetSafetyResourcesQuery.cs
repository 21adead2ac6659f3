using Mediator;
using Microsoft.Extensions.Options;
using Salon.Application.Moderation.Contracts;

namespace Salon.Application.Moderation.GetSafetyResources;

/// <summary>GET /api/safety/resources (anyone): the crisis lines from configuration.</summary>
public sealed record GetSafetyResourcesQuery : IQuery<IReadOnlyList<CrisisLineDto>>;

public sealed class GetSafetyResourcesQueryHandler(IOptions<SafetyOptions> options) : IQueryHandler<GetSafetyResourcesQuery, IReadOnlyList<CrisisLineDto>>
{
    public ValueTask<IReadOnlyList<CrisisLineDto>> Handle(GetSafetyResourcesQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PostScreening.Lines(options.Value));
}
