using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Salon.Web.Members;

namespace Salon.Web.Api;

/// <summary>The typed client of Salon's public HTTP API, used server-side by the pages (a backend for
/// frontend). Each call names an <see cref="ApiRoute"/>; the module's <c>…Api</c> class wraps it in a method.
/// Every request carries the member's access token (when signed in), the browser's Accept-Language, and the
/// browser's address and scheme as X-Forwarded-For/-Proto, so the API's per-address limits count the member,
/// not this server. Failures come back as an <see cref="ApiProblem"/>, never as an exception.</summary>
public sealed partial class SalonApiClient(HttpClient http, SessionState session, IHttpContextAccessor accessor, ILogger<SalonApiClient> logger)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<T>> GetAsync<T>(ApiRoute route, object[]? values = null, IEnumerable<KeyValuePair<string, string?>>? query = null, CancellationToken cancellationToken = default) =>
        SendAsync<T>(route, values, query, body: null, cancellationToken);

    public Task<ApiResult<T>> SendAsync<T>(ApiRoute route, object[]? values = null, object? body = null, CancellationToken cancellationToken = default) =>
        SendAsync<T>(route, values, query: null, body, cancellationToken);

    /// <summary>For routes that answer 202/204 (PUT, DELETE, most POSTs without a result).</summary>
    public Task<ApiResult<NoContent>> SendAsync(ApiRoute route, object[]? values = null, object? body = null, CancellationToken cancellationToken = default) =>
        SendAsync<NoContent>(route, values, query: null, body, cancellationToken);

    /// <summary>POST /api/auth/refresh with an explicit token (the session middleware's refresh).</summary>
    internal async Task<ApiResult<SessionTokens>> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var result = await SendAsync<TokenResponse>(MembersRoutes.Refresh, null, null, new { refreshToken }, cancellationToken, authenticate: false);
        return result.Ok ? ApiResult.Success<SessionTokens>(result.Value!.ToSession()) : ApiResult.Failure<SessionTokens>(result.Problem);
    }

    private async Task<ApiResult<T>> SendAsync<T>(
        ApiRoute route, object[]? values, IEnumerable<KeyValuePair<string, string?>>? query, object? body, CancellationToken cancellationToken, bool authenticate = true)
    {
        var url = route.Path(values ?? []);
        if (query is not null)
        {
            url = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(url, query.Where(q => !string.IsNullOrEmpty(q.Value)));
        }

        using var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        if (authenticate && session.Tokens is { } tokens)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        }

        Forward(request);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var value = response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.Accepted || typeof(T) == typeof(NoContent)
                    ? default
                    : await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
                return ApiResult.Success<T>(value);
            }

            return ApiResult.Failure<T>(await ProblemAsync(response, cancellationToken));
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(e, "The API could not be reached ({Method} {Route})", route.Method, route.Template);
            return ApiResult.Failure<T>(ApiProblem.Unreachable);
        }
    }

    private void Forward(HttpRequestMessage request)
    {
        if (accessor.HttpContext is not { } context)
        {
            return;
        }

        if (context.Request.Headers.AcceptLanguage is { Count: > 0 } languages)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", (string?)languages);
        }

        if (context.Connection.RemoteIpAddress is { } address)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString());
        }

        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", context.Request.Scheme);
    }

    private static async Task<ApiProblem> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        int? retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : null;
        var fallback = new ApiProblem(status, "error", "うまくいきませんでした。少し時間をおいてもう一度お試しください。", null, new Dictionary<string, string[]>(), retryAfter);
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return fallback;
        }

        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Json, cancellationToken);
            return problem is null ? fallback : new ApiProblem(
                status,
                problem.Code ?? "error",
                problem.Title ?? fallback.Title,
                problem.Detail,
                problem.Errors ?? new Dictionary<string, string[]>(),
                retryAfter ?? problem.RetryAfter);
        }
        catch (JsonException)
        {
            return fallback;
        }
    }

    private sealed record ProblemBody(string? Code, string? Title, string? Detail, Dictionary<string, string[]>? Errors, int? RetryAfter);
}

/// <summary>POST /api/auth/login and /refresh answer this.</summary>
public sealed record TokenResponse(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken)
{
    public SessionTokens ToSession() => new(AccessToken, RefreshToken, DateTimeOffset.UtcNow.AddSeconds(ExpiresIn));
}
