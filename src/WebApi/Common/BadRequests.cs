using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Salon.Domain.Common;

namespace Salon.WebApi.Common;

/// <summary>Requests the framework could not bind (malformed JSON, a value of the wrong type, an unknown field in a
/// PATCH body, an unreadable query value, a body too large or not JSON) as ProblemDetails. Where the failure has a
/// place, the answer names the field, as a validation failure does (<c>errors: { field: [message] }</c>).</summary>
internal static partial class BadRequests
{
    private const int MaxFieldLength = 100;

    public static ProblemDetails Describe(BadHttpRequestException exception)
    {
        var status = exception.StatusCode;
        var (code, text) = status switch
        {
            StatusCodes.Status413PayloadTooLarge => (HttpErrors.PayloadTooLarge.Code, HttpErrors.PayloadTooLarge.Text),
            StatusCodes.Status415UnsupportedMediaType => (HttpErrors.UnsupportedMediaType.Code, HttpErrors.UnsupportedMediaType.Text),
            _ => (HttpErrors.BadRequest.Code, HttpErrors.BadRequest.Text),
        };

        var field = status == StatusCodes.Status400BadRequest ? Field(exception) : null;
        ProblemDetails problem = field is { } f
            ? new ValidationProblemDetails(new Dictionary<string, string[]> { [f.Name] = [f.Message.Current] }) { Detail = f.Message.Current }
            : new ProblemDetails();
        problem.Status = status;
        problem.Type = ProblemTypes.For(field is null ? code : CommonErrors.ValidationFailed.Code);
        problem.Title = field is null ? text.Current : CommonErrors.ValidationFailed.Text.Current;
        problem.Extensions["code"] = field is null ? code : CommonErrors.ValidationFailed.Code;
        return problem;
    }

    private static (string Name, LocalizedText Message)? Field(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var name = FieldName(json.Path);
            // System.Text.Json's wording for JsonUnmappedMemberHandling.Disallow.
            if (json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            {
                return (name, new LocalizedText("この項目はありません（項目名を確かめてください）。", "There is no such field (check its name)."));
            }

            return (name, new LocalizedText("値の形式が正しくないか、JSON として読めません。", "The value has the wrong type, or the JSON cannot be read."));
        }

        // "Failed to bind parameter "int? limit" from "abc"." for a query or route value.
        if (BindFailure().Match(exception.Message) is { Success: true } match)
        {
            return (match.Groups["name"].Value, new LocalizedText("値の形式が正しくありません。", "The value has the wrong format."));
        }

        return null;
    }

    /// <summary>"$.kinds[0].email" becomes "kinds[0].email"; the body itself is "body".</summary>
    private static string FieldName(string? path)
    {
        var name = path is null ? string.Empty : path.TrimStart('$').TrimStart('.');
        if (name.Length == 0 || name[0] == '[')
        {
            name = "body" + name;
        }

        return name.Length > MaxFieldLength ? name[..MaxFieldLength] + "…" : name;
    }

    [GeneratedRegex("""^Failed to bind parameter "[^"]*? (?<name>[A-Za-z_][A-Za-z0-9_]*)" from""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex BindFailure();
}
