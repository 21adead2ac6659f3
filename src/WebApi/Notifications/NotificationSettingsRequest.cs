using Salon.Application.Notifications;

namespace Salon.WebApi.Notifications;

internal sealed record NotificationSettingsRequest(IReadOnlyList<KindSettingDto>? Kinds, DigestSettingDto? Digest);
