using System.Net.Http.Headers;

namespace Salon.Web.Api;

/// <summary>A file the API served (a calendar entry, a data export), still open, for streaming on to the
/// browser. The caller disposes it (or hands it to the response with <c>RegisterForDispose</c>).</summary>
public sealed class ApiFile(HttpResponseMessage response) : IDisposable
{
    public string ContentType => response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";

    /// <summary>The file name the API suggested, if it did.</summary>
    public string? FileName => response.Content.Headers.ContentDisposition is { } disposition
        ? (disposition.FileNameStar ?? disposition.FileName)?.Trim('"')
        : null;

    public Task<Stream> OpenAsync(CancellationToken cancellationToken) => response.Content.ReadAsStreamAsync(cancellationToken);

    public void Dispose() => response.Dispose();
}

public sealed partial class SalonApiClient
{
    /// <summary>GET a file with the member's token, without reading it into memory: the body is streamed
    /// from the API when <see cref="ApiFile.OpenAsync"/> is read. A failure is an <see cref="ApiProblem"/>.</summary>
    public async Task<ApiResult<ApiFile>> DownloadAsync(ApiRoute route, object[]? values = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path(values ?? []));
        if (session.Tokens is { } tokens)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        }

        Forward(request);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "The API could not be reached ({Method} {Route})", route.Method, route.Template);
            return ApiResult.Failure<ApiFile>(ApiProblem.Unreachable);
        }

        if (response.IsSuccessStatusCode)
        {
            return ApiResult.Success(new ApiFile(response));
        }

        using (response)
        {
            return ApiResult.Failure<ApiFile>(await ProblemAsync(response, cancellationToken));
        }
    }
}
