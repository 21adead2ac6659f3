using System.Globalization;
using System.Text;

namespace Salon.Web.Api;

/// <summary>One route of the public API, as the OpenAPI document writes it (<c>/api/topics/{id}</c>).
/// The client calls the API only through these, declared as <c>static readonly</c> fields of a module's
/// <c>…Api</c> class, so a test can check every one against the served OpenAPI document.</summary>
public sealed record ApiRoute(string Method, string Template)
{
    /// <summary>The path with the template's <c>{…}</c> segments filled in order, escaped.</summary>
    public string Path(params object[] values)
    {
        var path = new StringBuilder();
        var next = 0;
        foreach (var segment in Template.Split('/'))
        {
            if (path.Length > 0 || segment.Length > 0)
            {
                path.Append('/');
            }

            if (segment.StartsWith('{'))
            {
                path.Append(Uri.EscapeDataString(Convert.ToString(values[next++], CultureInfo.InvariantCulture)!));
            }
            else
            {
                path.Append(segment);
            }
        }

        if (next != values.Length)
        {
            throw new ArgumentException($"{Template} takes {next} values, not {values.Length}.", nameof(values));
        }

        return path.ToString();
    }
}
