using System.Net;
using System.Text.RegularExpressions;

namespace Salon.IntegrationTests.Infrastructure;

/// <summary>The web client's forms, posted as a browser without script posts them.</summary>
public static partial class WebForms
{
    /// <summary>Submits the page's form to the page's own address, with its hidden fields (the form's name and the
    /// antiforgery token) and the given ones.</summary>
    public static async Task<HttpResponseMessage> PostBackAsync(HttpClient browser, HttpResponseMessage page, Dictionary<string, string> fields)
    {
        await page.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        fields["_handler"] = HandlerField().Match(html).Groups[1].Value;
        fields["__RequestVerificationToken"] = TokenField().Match(html).Groups[1].Value;
        return await browser.PostAsync(page.RequestMessage!.RequestUri, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"_handler\" value=\"([^\"]+)\"")]
    private static partial Regex HandlerField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
