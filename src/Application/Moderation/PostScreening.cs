using Microsoft.Extensions.Options;
using Salon.Application.Moderation.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Moderation;

namespace Salon.Application.Moderation;

/// <summary>The crisis lexicon and the watched words, applied to folded text. Crisis never blocks a post:
/// it brings help to the screen at once and a moderator to the post.</summary>
public sealed class PostScreening(IOptions<SafetyOptions> options, CrisisLexicon lexicon, WatchedWordCache watchedWords) : IPostScreening, ISupportResources
{
    public static readonly LocalizedText SupportMessage = new(
        "つらい気持ちを書いてくださってありがとうございます。ひとりで抱えこまないでください。今すぐ話を聞いてくれる窓口があります。命の危険があるときは 119 / 110 へ。",
        "Thank you for writing this. You don't have to carry it alone. These lines can listen right now. If a life is in danger, call 119 (ambulance) or 110 (police).");

    public async Task<ScreeningResult> ScreenAsync(string text, CancellationToken cancellationToken)
    {
        var folded = SafetyText.Fold(text);
        var crisis = MatchedCrisisTerms(folded, text).Count > 0;
        var words = await watchedWords.GetAsync(cancellationToken);
        var hits = words.Where(w => w.FoldedWord.Length > 0 && folded.Contains(w.FoldedWord, StringComparison.Ordinal)).ToList();
        var blocked = hits.Any(h => h.Action == WatchedWordAction.Block);
        var hold = hits.Any(h => h.Action == WatchedWordAction.Hold) || (crisis && options.Value.CrisisPolicy == CrisisPolicy.HoldForReview);
        var flag = hits.Any(h => h.Action == WatchedWordAction.Flag);
        return new ScreeningResult(crisis, blocked, hold, flag, crisis ? Support() : null);
    }

    /// <summary>The crisis terms found in the text (for the moderator's item, never the text itself). Short
    /// Latin terms such as "OD" must stand as a word ("OD した" matches, "good" does not); everything else is
    /// matched inside the folded text, so spacing, symbols, width and kana do not hide it.</summary>
    public IReadOnlyList<string> MatchedCrisisTerms(string foldedText, string originalText)
    {
        string? words = null;
        return lexicon.Terms
            .Where(term =>
            {
                if (term.AsWord is { } asWord)
                {
                    words ??= originalText.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant();
                    return asWord.IsMatch(words);
                }

                return foldedText.Contains(term.Folded, StringComparison.Ordinal);
            })
            .Select(term => term.Term)
            .Distinct()
            .ToList();
    }

    public async Task<IReadOnlyList<WatchedWordEntry>> MatchedWatchedWordsAsync(string foldedText, CancellationToken cancellationToken) =>
        (await watchedWords.GetAsync(cancellationToken)).Where(w => w.FoldedWord.Length > 0 && foldedText.Contains(w.FoldedWord, StringComparison.Ordinal)).ToList();

    public SupportDto Support() => new(SupportMessage.Current, Lines(options.Value));

    public IReadOnlyList<CrisisLineDto> Lines() => Lines(options.Value);

    public static IReadOnlyList<CrisisLineDto> Lines(SafetyOptions options) =>
        options.CrisisLines.Select(l => new CrisisLineDto(l.Name, l.Phone, l.Hours, l.Url, l.Audience, l.LastVerified, l.NeedsReverification)).ToList();
}
