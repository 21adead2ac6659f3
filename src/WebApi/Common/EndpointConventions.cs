namespace Salon.WebApi.Common;

internal static class EndpointConventions
{
    /// <summary>Declares the ProblemDetails responses an endpoint can give, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            builder = status == StatusCodes.Status400BadRequest
                ? builder.ProducesValidationProblem()
                : builder.ProducesProblem(status);
        }

        return builder;
    }
}
