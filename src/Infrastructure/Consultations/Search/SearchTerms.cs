using System.Text;

namespace Salon.Infrastructure.Consultations.Search;

/// <summary>The trimmed query as typed and its NFKC form when that differs; shared by the SQLite and
/// PostgreSQL searches so both read a query the same way.</summary>
internal sealed record SearchTerms(string Typed, string? Normalized)
{
    /// <summary>A trigram index matches nothing for fewer characters (code points) than this.</summary>
    public const int MinIndexedQueryLength = 3;

    /// <summary>The most one search request reads of an index newest first on SQLite, and the newest visible matches a
    /// relevance search ranks on both providers (docs/adr/0037): one request's work is bounded whatever the query. A word's
    /// candidates nearly all match, so a page of up to 100 is found long before.</summary>
    public const int MaxCandidates = 2_000;

    /// <summary>The most index entries one search request reads on SQLite, visible to the viewer or not (docs/adr/0044):
    /// only visible posts count toward <see cref="MaxCandidates"/>, so that the bound and the resume point tell nothing of
    /// the others, and this keeps a request bounded however many posts the viewer may not see lie in its way (soft-deleted
    /// posts stay in SQLite's index until the purge). Behind that many, newest order ends there (no resume point, which
    /// would be the time of a post the viewer may not see).</summary>
    public const int MaxEntriesRead = 10 * MaxCandidates;

    /// <summary>Both forms are long enough for the trigram index (else both go to the LIKE scan).</summary>
    public bool UsesIndex => IsIndexable(Typed) && (Normalized is null || IsIndexable(Normalized));

    /// <summary>Both forms are 1–2 characters (code points): single characters and pairs, what PostgreSQL's
    /// <c>salon_search_grams</c> holds.</summary>
    public bool IsCharactersOrPair => CodePoints(Typed) <= 2 && (Normalized is null || CodePoints(Normalized) <= 2);

    public static SearchTerms? From(string? query)
    {
        // NUL ends a string for FTS5's query parser ("unterminated string") and can match nothing anyway.
        var typed = query?.Replace("\0", string.Empty, StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return null;
        }

        string? normalized;
        try
        {
            normalized = typed.Normalize(NormalizationForm.FormKC).Trim();
        }
        catch (ArgumentException)
        {
            // Not valid Unicode (a lone surrogate): search it as typed only.
            normalized = null;
        }

        return new SearchTerms(typed, string.IsNullOrEmpty(normalized) || normalized == typed ? null : normalized);
    }

    /// <summary>Each form as one FTS5 string ("…", inner quotes doubled), so every character is literal.</summary>
    public string FtsQuery() => EachForm(FtsString);

    /// <summary>Each form as its characters (code points), each one FTS5 string, all of them required, for the index of
    /// single characters on SQLite, whose tokenizer makes every character but the ASCII space a token and which keeps no
    /// positions (migration <c>PostSearchCharactersWithoutPositions</c>, docs/adr/0037): 「姉が」 is <c>("姉" "が")</c>, posts
    /// that hold both; the <c>LIKE</c> recheck decides whether they are next to each other. An ASCII space is no token,
    /// and FTS5 ignores the empty string it becomes.</summary>
    public string FtsCharactersQuery() =>
        EachForm(form => "(" + string.Join(' ', form.EnumerateRunes().Select(rune => FtsString(rune.ToString()))) + ")");

    /// <summary>A LIKE pattern for the literal text, with <c>\</c> as the escape character.</summary>
    public static string LikePattern(string text) =>
        "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";

    private static string FtsString(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The FTS5 query matching either form.</summary>
    private string EachForm(Func<string, string> query) => Normalized is null ? query(Typed) : query(Typed) + " OR " + query(Normalized);

    private static bool IsIndexable(string text) => CodePoints(text) >= MinIndexedQueryLength;

    /// <summary>Unicode code points: what the trigram tokenizer and pg_trgm count as characters.</summary>
    internal static int CodePoints(string text) => text.EnumerateRunes().Count();
}
