using Microsoft.AspNetCore.Components;
using Salon.Web.Api;
using Salon.Web.Members;
using Salon.Web.Shared;

namespace Salon.Web.Staff;

/// <summary>The base of every staff page (<c>@inherits StaffPage</c>): a <see cref="MemberPage"/> whose API
/// calls go through <see cref="Staff{T}"/>, which turns a 403 into <see cref="Refused"/> (and the response's
/// status into 403). The page wraps its content in <c>&lt;StaffFrame Refused="Refused"&gt;</c>, which then shows
/// 「この画面は運営メンバー専用です」 instead. The API decides, on every request: a member who loses a role loses
/// the page at once.</summary>
public abstract class StaffPage : MemberPage
{
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    /// <summary>True when the API refused this member (403) or they hold none of the page's roles.</summary>
    protected bool Refused { get; private set; }

    /// <summary>The value, or null: a 401 redirects to the sign-in page, a 403 sets <see cref="Refused"/>.</summary>
    protected T? Staff<T>(ApiResult<T> result)
    {
        if (!result.Ok && result.Status == StatusCodes.Status403Forbidden)
        {
            Refuse();
        }

        return Handle(result);
    }

    /// <summary>True (and <see cref="Refused"/> set) when the API answered 403; for pages that read the value with
    /// <see cref="MemberPage.Handle{T}"/> themselves.</summary>
    protected bool RefusedBy<T>(ApiResult<T> result)
    {
        if (result.Status == StatusCodes.Status403Forbidden)
        {
            Refuse();
        }

        return Refused;
    }

    /// <summary>For a page that shows only a form or reads a route members may read too: false (and
    /// <see cref="Refused"/> set, or a redirect to /login started) unless <c>GET /api/me</c> says the member is an
    /// official or an admin (the API's official policy), as the API holds the roles now.</summary>
    protected async Task<bool> EnsureOfficialAsync()
    {
        if (!EnsureSignedIn())
        {
            return false;
        }

        var me = Handle(await Api.MeAsync());
        if (me is null)
        {
            return false;
        }

        if (!Organises(me))
        {
            Refuse();
        }

        return !Refused;
    }

    /// <summary>Whether the member may organise (official or admin): members' pages show their staff links then.</summary>
    public static bool Organises(Me me) => me.Roles.Any(r => r is StaffSections.Official or StaffSections.Admin);

    protected void Refuse()
    {
        Refused = true;
        if (HttpContext is { Response.HasStarted: false } context)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }
}
