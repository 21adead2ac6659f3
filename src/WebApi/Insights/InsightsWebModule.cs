using Mediator;
using Salon.Application.Insights.GetInsightsSummary;
using Salon.Infrastructure.Insights;
using Salon.WebApi.Common;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Salon.WebApi.Insights;

/// <summary>Insights (<c>/api/insights/summary</c>; README "Insights and operations"): aggregate figures for staff, never per-person data.</summary>
internal sealed class InsightsWebModule : ISalonModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddInsightsModule();

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var insights = endpoints.MapGroup("/api/insights").WithTags("Insights").RequireAuthorization(Policies.Admin);
        insights.MapGet("/summary", async (DateOnly? from, DateOnly? to, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetInsightsSummaryQuery(from, to), ct)))
            .WithName("GetInsightsSummary").WithSummary("利用状況の集計（管理者） / Usage summary (admins)")
            .WithDescription("Counts from 1 to 4 are the string \"<5\" (so no small group is exposed); other counts are numbers. "
                + "Months are calendar months in Japan (Asia/Tokyo). Shares and medians are null when computed from fewer than five items.")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden);
    }
}
