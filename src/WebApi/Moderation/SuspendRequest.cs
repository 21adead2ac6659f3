namespace Salon.WebApi.Moderation;

internal sealed record SuspendRequest(DateTime? Until, string Reason);
