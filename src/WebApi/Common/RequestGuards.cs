using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using Salon.Domain.Common;
using Salon.Web.Hosting;

namespace Salon.WebApi.Common;

/// <summary>Input refused before any endpoint sees it, each with a 4xx ProblemDetails (through the exception handler):
/// a JSON body in a charset other than UTF-8 (415), and the NUL character anywhere in the path, the query or a JSON
/// string (400 naming the parameter or field). PostgreSQL cannot store NUL, SQLite would keep it silently, and no
/// text here needs it. The API's paths only: the co-hosted web client's pages answer with pages, not ProblemDetails,
/// and refuse NUL in their queries themselves (<c>RefusedQueries</c> in src/Web).</summary>
internal static class RequestGuards
{
    private static readonly byte[] EscapedNul = "\\u0000"u8.ToArray();

    public static IApplicationBuilder UseSalonRequestGuards(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!WebClient.IsApiPath(request.Path))
        {
            await next(context);
            return;
        }

        if (request.Path.HasValue && request.Path.Value.Contains('\0', StringComparison.Ordinal))
        {
            throw Nul("path");
        }

        foreach (var (name, values) in request.Query)
        {
            if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal)))
            {
                throw Nul(name.Replace("\0", string.Empty, StringComparison.Ordinal));
            }
        }

        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) && IsJson(contentType))
        {
            if (contentType.Charset.HasValue && !IsUtf8(contentType.Charset.Value))
            {
                throw new BadHttpRequestException("Only UTF-8 JSON is accepted.", StatusCodes.Status415UnsupportedMediaType);
            }

            if (await NulFieldAsync(request, context.RequestAborted) is { } field)
            {
                throw Nul(field);
            }
        }

        await next(context);
    });

    private static bool IsJson(MediaTypeHeaderValue contentType) =>
        contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || contentType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

    private static bool IsUtf8(string charset) =>
        charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Trim('"').Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static SalonException Nul(string field) => CommonErrors.NulCharacter.ForField(field);

    /// <summary>The field of the first JSON string holding an escaped NUL, or null. The body is buffered so the endpoint
    /// reads it again; the full parse runs only when the escape occurs at all.</summary>
    private static async Task<string?> NulFieldAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        var body = new ArrayBufferWriter<byte>();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                body.Write(chunk.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
            request.Body.Position = 0;
        }

        return body.WrittenSpan.IndexOf(EscapedNul) < 0 ? null : FindNul(body.WrittenMemory);
    }

    /// <summary>Walks the JSON and returns the path of the first string value (or property name) that decodes to one
    /// holding NUL. Malformed JSON returns null: the endpoint's binder then answers 400 for it.</summary>
    private static string? FindNul(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { MaxDepth = 64 });
        var path = new List<(string? Property, int Index)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Advance(path);
                        path.Add((null, reader.TokenType == JsonTokenType.StartArray ? -1 : -2));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        path[^1] = (name, -2);
                        if (name.Contains('\0', StringComparison.Ordinal))
                        {
                            return Describe(path);
                        }

                        break;
                    default:
                        Advance(path);
                        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped && reader.GetString()!.Contains('\0', StringComparison.Ordinal))
                        {
                            return Describe(path);
                        }

                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }

        return null;
    }

    /// <summary>A value inside an array moves the array's index on.</summary>
    private static void Advance(List<(string? Property, int Index)> path)
    {
        if (path.Count > 0 && path[^1].Index >= -1 && path[^1].Property is null)
        {
            path[^1] = (null, path[^1].Index + 1);
        }
    }

    private static string Describe(List<(string? Property, int Index)> path)
    {
        var text = new StringBuilder();
        foreach (var (property, index) in path)
        {
            if (property is not null)
            {
                text.Append(text.Length == 0 ? string.Empty : ".").Append(property);
            }
            else if (index >= 0)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"[{index}]");
            }
        }

        return text.Length == 0 || text[0] == '[' ? "body" + text : text.ToString();
    }
}
