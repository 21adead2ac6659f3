using Salon.Web.Api;
using Salon.Web.Members;
using Salon.Web.Moderation;

namespace Salon.Web.Staff;

/// <summary>What the API says about the signed-in member's staff roles, asked at most once per request (the
/// layout's staff menu and the page share it). Plain members get nothing; a member who loses a role loses the
/// menu on their next request, because nothing is remembered between requests.</summary>
public sealed class StaffAccess(SalonApiClient api, SessionState session)
{
    private Task<ApiResult<Me>>? _me;
    private Task<ApiResult<QueueCount>>? _count;

    public Task<ApiResult<Me>> MeAsync() => _me ??= api.MeAsync();

    /// <summary>The member's roles (empty when signed out or when the API could not answer).</summary>
    public async Task<IReadOnlyList<string>> RolesAsync()
    {
        if (!session.SignedIn)
        {
            return [];
        }

        var me = await MeAsync();
        return me.Value?.Roles ?? [];
    }

    /// <summary>The open moderation items (for the menu's badge), or null when the API refuses or fails.</summary>
    public async Task<QueueCount?> QueueCountAsync() => (await (_count ??= api.QueueCountAsync())).Value;
}
