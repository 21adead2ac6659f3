using Microsoft.AspNetCore.Components;
using Salon.Web.Api;

namespace Salon.Web.Shared;

/// <summary>The base of every page for signed-in members (<c>@inherits MemberPage</c>): the API client, the
/// session, and the two redirects every such page needs. Call <see cref="EnsureSignedIn"/> first in
/// <c>OnInitializedAsync</c>; after each call, <see cref="Handle{T}"/> sends a 401 to the sign-in page.</summary>
public abstract class MemberPage : ComponentBase
{
    [Inject] protected SalonApiClient Api { get; set; } = default!;

    [Inject] protected SessionState Session { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>False (after starting a redirect to /login) when nobody is signed in.</summary>
    protected bool EnsureSignedIn()
    {
        if (Session.SignedIn)
        {
            return true;
        }

        RedirectToLogin();
        return false;
    }

    /// <summary>The value, or null; a 401 (the session ended) redirects to /login.</summary>
    protected T? Handle<T>(ApiResult<T> result)
    {
        if (!result.Ok && result.Status == StatusCodes.Status401Unauthorized)
        {
            Session.SignOut();
            RedirectToLogin();
        }

        return result.Value;
    }

    protected void RedirectToLogin()
    {
        var here = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
        Navigation.NavigateTo("/login?returnUrl=" + Uri.EscapeDataString(here));
    }
}
