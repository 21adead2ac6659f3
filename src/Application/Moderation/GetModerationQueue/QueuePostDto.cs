namespace Salon.Application.Moderation.GetModerationQueue;

public sealed record QueuePostDto(Guid Id, string Kind, Guid TopicId, string TopicTitle, string Text, bool Anonymous, string Status, bool Deleted, DateTime CreatedAt, QueueAuthorDto? Author);
