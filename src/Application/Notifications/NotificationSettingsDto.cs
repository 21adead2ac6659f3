namespace Salon.Application.Notifications;

/// <summary>GET/PUT /api/me/notification-settings: per kind, in-app on/off and e-mail immediate/digest/off;
/// the digest off/daily/weekly at an hour in Japan time.</summary>
public sealed record NotificationSettingsDto(IReadOnlyList<KindSettingDto> Kinds, DigestSettingDto Digest);
