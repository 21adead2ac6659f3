namespace Salon.WebApi.Notifications;

internal sealed record MarkReadRequest(IReadOnlyList<Guid>? Ids);
