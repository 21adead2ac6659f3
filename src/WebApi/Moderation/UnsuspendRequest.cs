namespace Salon.WebApi.Moderation;

internal sealed record UnsuspendRequest(string? Reason);
