namespace Salon.Application.Moderation.RunModerationSweep;

public sealed record ModerationSweepResult(int NeedsReplyOpened, int NeedsReplyClosed, int SuspensionsLifted, int ItemsClosedForGonePosts);
