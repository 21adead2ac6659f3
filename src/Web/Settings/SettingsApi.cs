using System.Text.Json;
using Salon.Web.Api;
using Salon.Web.Members;

namespace Salon.Web.Settings;

/// <summary>The routes behind the settings pages (<c>/api/me</c>, <c>/api/me/blocks</c>, <c>/api/me/notification-settings</c>).</summary>
public static class SettingsRoutes
{
    public static readonly ApiRoute UpdateMe = new("PATCH", "/api/me");
    public static readonly ApiRoute ChangePassword = new("PUT", "/api/me/password");
    public static readonly ApiRoute ChangeEmail = new("PUT", "/api/me/email");
    public static readonly ApiRoute ConfirmEmailChange = new("POST", "/api/auth/confirm-email-change");
    public static readonly ApiRoute Export = new("GET", "/api/me/export");
    public static readonly ApiRoute DeleteAccount = new("DELETE", "/api/me");
    public static readonly ApiRoute NotificationSettings = new("GET", "/api/me/notification-settings");
    public static readonly ApiRoute UpdateNotificationSettings = new("PUT", "/api/me/notification-settings");
}

public sealed record ProfileChange(string Nickname, IReadOnlyList<string> FamilyPositions, string Bio);

/// <summary>One kind of notice: in-app on/off, and e-mail <c>immediate</c>, <c>digest</c> or <c>off</c>.</summary>
public sealed record KindSetting(string Kind, bool InApp, string Email);

/// <summary>The digest: <c>off</c>, <c>daily</c> or <c>weekly</c>, at an hour in Japan time.</summary>
public sealed record DigestSetting(string Frequency, int Hour);

public sealed record NotificationSettings(IReadOnlyList<KindSetting> Kinds, DigestSetting Digest);

public static class SettingsApi
{
    public static Task<ApiResult<Me>> UpdateMeAsync(this SalonApiClient api, ProfileChange change) =>
        api.SendAsync<Me>(SettingsRoutes.UpdateMe, body: change);

    public static Task<ApiResult<NoContent>> ChangePasswordAsync(this SalonApiClient api, string currentPassword, string newPassword) =>
        api.SendAsync(SettingsRoutes.ChangePassword, body: new { currentPassword, newPassword });

    public static Task<ApiResult<NoContent>> ChangeEmailAsync(this SalonApiClient api, string newEmail, string currentPassword) =>
        api.SendAsync(SettingsRoutes.ChangeEmail, body: new { newEmail, currentPassword });

    public static Task<ApiResult<NoContent>> ConfirmEmailChangeAsync(this SalonApiClient api, Guid userId, string email, string token) =>
        api.SendAsync(SettingsRoutes.ConfirmEmailChange, body: new { userId, email, token });

    /// <summary>The member's data export, as the API wrote it.</summary>
    public static Task<ApiResult<JsonElement>> ExportAsync(this SalonApiClient api, CancellationToken cancellationToken) =>
        api.GetAsync<JsonElement>(SettingsRoutes.Export, cancellationToken: cancellationToken);

    /// <summary><paramref name="contentHandling"/> is <c>delete</c> or <c>anonymize</c>.</summary>
    public static Task<ApiResult<NoContent>> DeleteAccountAsync(this SalonApiClient api, string password, string contentHandling) =>
        api.SendAsync(SettingsRoutes.DeleteAccount, body: new { password, contentHandling });

    public static Task<ApiResult<NotificationSettings>> NotificationSettingsAsync(this SalonApiClient api) =>
        api.GetAsync<NotificationSettings>(SettingsRoutes.NotificationSettings);

    public static Task<ApiResult<NotificationSettings>> UpdateNotificationSettingsAsync(this SalonApiClient api, NotificationSettings settings) =>
        api.SendAsync<NotificationSettings>(SettingsRoutes.UpdateNotificationSettings, body: settings);
}
