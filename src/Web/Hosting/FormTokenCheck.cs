using Microsoft.AspNetCore.Antiforgery;

namespace Salon.Web.Hosting;

/// <summary>The antiforgery check of a form an endpoint reads itself (not a page's form, which the framework checks).</summary>
public static class FormTokenCheck
{
    /// <summary>Whether the request carries a valid antiforgery token. A form body that cannot be read (a multipart body
    /// without its boundary or cut short, more fields than the form limits allow) carries none: false, as for a missing
    /// token, where <see cref="IAntiforgery.IsRequestValidAsync"/> throws (a 500; docs/adr/0019).</summary>
    public static async Task<bool> IsFormTokenValidAsync(this IAntiforgery antiforgery, HttpContext context)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
