namespace Salon.WebApi.Moderation;

internal sealed record ResolveRequest(string Action, string? Note);
