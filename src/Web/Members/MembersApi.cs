using Salon.Web.Api;

namespace Salon.Web.Members;

/// <summary>The Members routes the web client calls (<c>/api/auth</c>, <c>/api/me</c>).</summary>
public static class MembersRoutes
{
    public static readonly ApiRoute Register = new("POST", "/api/auth/register");
    public static readonly ApiRoute ConfirmEmail = new("POST", "/api/auth/confirm-email");
    public static readonly ApiRoute ResendConfirmation = new("POST", "/api/auth/resend-confirmation");
    public static readonly ApiRoute Login = new("POST", "/api/auth/login");
    public static readonly ApiRoute Refresh = new("POST", "/api/auth/refresh");
    public static readonly ApiRoute Logout = new("POST", "/api/auth/logout");
    public static readonly ApiRoute ForgotPassword = new("POST", "/api/auth/forgot-password");
    public static readonly ApiRoute ResetPassword = new("POST", "/api/auth/reset-password");
    public static readonly ApiRoute Me = new("GET", "/api/me");
}

public sealed record Registration(string Email, string Password, string Nickname, IReadOnlyList<string> FamilyPositions, bool AcceptTerms, bool ConsentSensitiveInfo);

public sealed record Registered(Guid Id, string Nickname, bool EmailConfirmationRequired);

/// <summary>GET /api/me. <see cref="EmailUndeliverable"/>: mail to the address bounced and Salon stopped sending;
/// <see cref="EmailNotice"/> then asks the member to fix it.</summary>
public sealed record Me(
    Guid Id, string Email, bool EmailConfirmed, string Nickname, IReadOnlyList<string> FamilyPositions, string Bio, IReadOnlyList<string> Roles, bool IsOfficial,
    bool EmailUndeliverable = false, string? EmailNotice = null);

public static class MembersApi
{
    public static Task<ApiResult<Registered>> RegisterAsync(this SalonApiClient api, Registration registration) =>
        api.SendAsync<Registered>(MembersRoutes.Register, body: registration);

    public static Task<ApiResult<NoContent>> ConfirmEmailAsync(this SalonApiClient api, Guid userId, string token) =>
        api.SendAsync(MembersRoutes.ConfirmEmail, body: new { userId, token });

    public static Task<ApiResult<NoContent>> ResendConfirmationAsync(this SalonApiClient api, string email) =>
        api.SendAsync(MembersRoutes.ResendConfirmation, body: new { email });

    public static Task<ApiResult<TokenResponse>> LoginAsync(this SalonApiClient api, string email, string password) =>
        api.SendAsync<TokenResponse>(MembersRoutes.Login, body: new { email, password });

    public static Task<ApiResult<NoContent>> LogoutAsync(this SalonApiClient api) => api.SendAsync(MembersRoutes.Logout);

    public static Task<ApiResult<NoContent>> ForgotPasswordAsync(this SalonApiClient api, string email) =>
        api.SendAsync(MembersRoutes.ForgotPassword, body: new { email });

    public static Task<ApiResult<NoContent>> ResetPasswordAsync(this SalonApiClient api, Guid userId, string token, string newPassword) =>
        api.SendAsync(MembersRoutes.ResetPassword, body: new { userId, token, newPassword });

    public static Task<ApiResult<Me>> MeAsync(this SalonApiClient api) => api.GetAsync<Me>(MembersRoutes.Me);
}
