using Salon.Domain.Moderation;

namespace Salon.Application.Moderation;

public sealed record WatchedWordEntry(string Word, string FoldedWord, WatchedWordAction Action);
