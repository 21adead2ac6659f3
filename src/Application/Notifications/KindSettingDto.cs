namespace Salon.Application.Notifications;

public sealed record KindSettingDto(string Kind, bool InApp, string Email);
