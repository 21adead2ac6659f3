using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Salon.Domain.Moderation;

namespace Salon.Application.Moderation;

/// <summary>The configured crisis terms, folded once for the process (<see cref="SafetyText.Fold"/>) instead of twice
/// per post for every term (issue 15: folding the lexicon was a twentieth of a reply's allocations). Short Latin terms
/// such as "OD" carry the pattern that makes them match only as a word.</summary>
public sealed class CrisisLexicon(IOptions<SafetyOptions> options)
{
    private readonly Lazy<IReadOnlyList<CrisisTerm>> _terms = new(() => options.Value.CrisisTerms
        .Where(term => !string.IsNullOrWhiteSpace(term))
        .Select(term =>
        {
            var folded = SafetyText.Fold(term);
            var asWord = folded.Length <= 3 && folded.All(char.IsAsciiLetterOrDigit)
                ? new Regex($"(?<![a-z0-9]){Regex.Escape(folded)}(?![a-z0-9])", RegexOptions.CultureInvariant)
                : null;
            return new CrisisTerm(term, folded, asWord);
        })
        // A term of symbols only folds to nothing, which every text would contain; one of combining marks only
        // (U+FE0F) would be inside every text where that mark follows anything.
        .Where(term => SafetyText.HasBaseCharacter(term.Folded))
        .ToList());

    public IReadOnlyList<CrisisTerm> Terms => _terms.Value;

    /// <param name="Term">As configured (what a moderator's item names).</param>
    /// <param name="Folded">Matched inside the folded text.</param>
    /// <param name="AsWord">For a short Latin term: matched as a word in the NFKC, lower-cased text instead.</param>
    public sealed record CrisisTerm(string Term, string Folded, Regex? AsWord);
}
