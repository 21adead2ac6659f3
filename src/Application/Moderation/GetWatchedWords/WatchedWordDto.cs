namespace Salon.Application.Moderation.GetWatchedWords;

/// <summary><c>Action</c> is block (refused with a clear message), hold (held for review) or flag (published, queued).</summary>
public sealed record WatchedWordDto(string Word, string Action);
