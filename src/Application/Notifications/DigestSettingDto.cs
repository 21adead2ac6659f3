namespace Salon.Application.Notifications;

public sealed record DigestSettingDto(string Frequency, int Hour);
