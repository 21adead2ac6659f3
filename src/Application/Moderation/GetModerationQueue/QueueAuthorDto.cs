namespace Salon.Application.Moderation.GetModerationQueue;

public sealed record QueueAuthorDto(Guid Id, string Nickname);
