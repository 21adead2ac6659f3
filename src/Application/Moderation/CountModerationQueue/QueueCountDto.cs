namespace Salon.Application.Moderation.CountModerationQueue;

public sealed record QueueCountDto(int Open, int Priority);
