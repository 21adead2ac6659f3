using Salon.Web.Api;
using Salon.Web.Members;

namespace Salon.Web.Shared;

/// <summary>The base of staff pages: a <see cref="MemberPage"/> that shows <see cref="StaffOnly"/> (403) when the API
/// says the member may not. Pages whose data comes from a staff-only route read the 403 from that answer
/// (<see cref="Refused{T}"/>); pages that only show a form ask <c>GET /api/me</c> for the member's roles, as the API
/// holds them now (roles are read fresh on every request, so a role removed is a page lost at once).</summary>
public abstract class StaffPage : MemberPage
{
    /// <summary>True when the API refused: render <c>&lt;StaffOnly /&gt;</c> and nothing else.</summary>
    protected bool Forbidden { get; private set; }

    /// <summary>False (and <see cref="Forbidden"/> set, or a redirect to /login started) unless the member is an
    /// official or an admin (the API's official policy).</summary>
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

        Forbidden = !Organises(me);
        return !Forbidden;
    }

    /// <summary>Whether the API lets the member organise (official or admin): pages show their staff links then.</summary>
    public static bool Organises(Me me) => me.Roles.Any(r => r is "official" or "admin");

    /// <summary>True (and <see cref="Forbidden"/> set) when the API answered 403.</summary>
    protected bool Refused<T>(ApiResult<T> result)
    {
        Forbidden |= result.Status == StatusCodes.Status403Forbidden;
        return Forbidden;
    }
}
