using System.Globalization;
using System.Text;

namespace Salon.Domain.Moderation;

/// <summary>Folds text so that lexicon matching sees through the ways people write the same words:
/// NFKC (full-width → half-width, ｼﾆﾀｲ → シニタイ), case folding, hiragana → katakana
/// (しにたい = シニタイ), and removal of spaces and symbols (「し に た い」「死・に・た・い」).</summary>
public static class SafetyText
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(normalized.Length);
        foreach (var rune in normalized.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
                or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol)
            {
                continue;
            }

            // Hiragana U+3041–U+3096 map to katakana 0x60 above.
            if (rune.Value is >= 0x3041 and <= 0x3096)
            {
                builder.Append((char)(rune.Value + 0x60));
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether folded text has a character of its own: not only combining marks (an accent U+0301, the
    /// voiced-sound mark U+3099, the emoji variation selector U+FE0F), which attach to whatever stands before them. A
    /// watched word of marks alone would match every post where that mark follows anything (U+FE0F: every ❤️).</summary>
    public static bool HasBaseCharacter(string folded) =>
        folded.EnumerateRunes().Any(rune => Rune.GetUnicodeCategory(rune)
            is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark));
}
