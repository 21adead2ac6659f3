using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Salon.Domain.Common;

namespace Salon.WebApi.Common;

/// <summary>The one place errors become RFC 9457 ProblemDetails. Expected failures are not logged as
/// errors; nothing logged here contains a request body, an e-mail address or a token.</summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => FromValidation(validation),
            SalonException salon => FromSalon(salon),
            BadHttpRequestException badRequest => BadRequests.Describe(badRequest),

            // The antiforgery check could not read the posted form (the job dashboard's own forms): a bad request.
            AntiforgeryValidationException => FromHttpError(HttpErrors.BadRequest),
            DbUpdateConcurrencyException => FromHttpError(HttpErrors.ConcurrentChange),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception in {Endpoint}", EndpointName(httpContext));
            problem = FromHttpError(HttpErrors.ServerError);
        }
        else if (exception is DbUpdateConcurrencyException)
        {
            // The client is told to try again, but a use case that writes a shared row without its lock is a bug to find.
            logger.LogWarning(exception, "A concurrent change in {Endpoint} was answered 409", EndpointName(httpContext));
        }
        else
        {
            logger.LogDebug("Request failed with {Status} ({Code})", problem.Status, problem.Extensions["code"]);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (problem.Status == StatusCodes.Status429TooManyRequests && problem.Extensions.TryGetValue("retryAfter", out var retry))
        {
            httpContext.Response.Headers.RetryAfter = Convert.ToString(retry, System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static string EndpointName(HttpContext httpContext) => httpContext.GetEndpoint()?.DisplayName ?? "(no endpoint)";

    private static ProblemDetails FromHttpError(HttpError error) => new()
    {
        Status = error.Status,
        Type = ProblemTypes.For(error.Code),
        Title = error.Text.Current,
        Extensions = { ["code"] = error.Code },
    };

    private static ValidationProblemDetails FromValidation(ValidationException validation)
    {
        var errors = validation.Errors
            .GroupBy(e => CamelCase(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new ValidationProblemDetails(errors)
        {
            Status = ErrorStatuses.Of(CommonErrors.ValidationFailed.Kind),
            Type = ProblemTypes.For(CommonErrors.ValidationFailed.Code),
            Title = CommonErrors.ValidationFailed.Text.Current,
            Detail = errors.Values.SelectMany(m => m).FirstOrDefault(),
            Extensions = { ["code"] = CommonErrors.ValidationFailed.Code },
        };
    }

    private static ProblemDetails FromSalon(SalonException salon)
    {
        var status = ErrorStatuses.Of(salon.Kind);

        ProblemDetails problem = salon.Kind == ErrorKind.Invalid && salon.Extensions.TryGetValue("field", out var field) && field is string name
            ? new ValidationProblemDetails(new Dictionary<string, string[]> { [CamelCase(name)] = [salon.Text.Current] })
            : new ProblemDetails();
        problem.Status = status;
        problem.Type = ProblemTypes.For(salon.Code);
        problem.Title = salon.Text.Current;
        problem.Detail = salon.Text.Current;
        problem.Extensions["code"] = salon.Code;
        foreach (var (key, value) in salon.Extensions.Where(e => e.Key != "field"))
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    private static string CamelCase(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
