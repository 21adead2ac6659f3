using System.Globalization;
using System.Text;
using Salon.Domain.Common;

namespace Salon.Domain.Members;

/// <summary>A member's public name. Unique after NFKC normalisation and case folding
/// (ＳＡＬＯＮ = salon), 2–20 characters, and never one that impersonates staff or the
/// placeholders Salon itself shows (匿名さん, 退会したメンバー).</summary>
public static class Nickname
{
    public const int MinLength = 2;
    public const int MaxLength = 20;

    /// <summary>What the database keeps of a nickname and of its comparison key, in UTF-16 code units (the columns'
    /// length). <see cref="MaxLength"/> counts characters as a reader does, and one of them can be far longer as stored:
    /// a letter with a pile of combining marks, or one that NFKC spells out (㌖ is キロメートル), so both are bounded too.</summary>
    public const int MaxStoredLength = 100;

    // Compared against the normalised nickname with katakana read as hiragana, so full-width, case and kana variants
    // (匿名サン, すたっふ) are covered too.
    private static readonly string[] ReservedFragments = new[]
    {
        "公式", "運営", "管理人", "管理者", "事務局", "スタッフ", "モデレーター", "みんなねっと",
        "admin", "administrator", "moderator", "official", "staff", "salon運営", "system", "root",
        AuthorNames.Anonymous, AuthorNames.Departed,
    }.Select(fragment => FoldKana(Normalize(fragment))).ToArray();

    /// <summary>Letters that show as nothing: the Hangul fillers and the blank braille pattern (category "letter" or
    /// "symbol", so no other check refuses them). A name of them looks blank, or beside 匿名さん like the placeholder.</summary>
    private static readonly HashSet<char> BlankLetters = ['\u115F', '\u1160', '\u3164', '\uFFA0', '\u2800'];

    /// <summary>The comparison key: NFKC, lower case, surrounding white space removed.</summary>
    public static string Normalize(string nickname) =>
        nickname.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    public static int Length(string nickname) => new StringInfo(nickname.Trim()).LengthInTextElements;

    public static bool HasValidLength(string nickname) => HasValidCharacterCount(nickname) && FitsStoredLength(nickname);

    /// <summary>2–20 characters as a reader counts them.</summary>
    public static bool HasValidCharacterCount(string nickname) => Length(nickname) is >= MinLength and <= MaxLength;

    /// <summary>Within <see cref="MaxStoredLength"/> as stored and as compared.</summary>
    public static bool FitsStoredLength(string nickname) =>
        nickname.Trim().Length <= MaxStoredLength && Normalize(nickname).Length <= MaxStoredLength;

    public static bool HasOnlyPrintableCharacters(string nickname) =>
        !nickname.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format || BlankLetters.Contains(c));

    public static bool IsReserved(string nickname)
    {
        var normalized = FoldKana(Normalize(nickname));
        var compact = new string(normalized.Where(char.IsLetterOrDigit).ToArray());
        return ReservedFragments.Any(fragment => normalized.Contains(fragment, StringComparison.Ordinal)
            || compact.Contains(fragment, StringComparison.Ordinal));
    }

    /// <summary>Katakana read as hiragana (ァ–ヶ to ぁ–ゖ), for the reserved names only; the unique key stays
    /// <see cref="Normalize"/>.</summary>
    private static string FoldKana(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c;
            }
        });

    /// <summary>Throws when the nickname cannot be used, with a bilingual reason.</summary>
    public static string EnsureValid(string nickname, bool allowReserved = false)
    {
        ArgumentNullException.ThrowIfNull(nickname);
        var trimmed = nickname.Trim();
        if (!HasValidLength(trimmed) || !HasOnlyPrintableCharacters(trimmed))
        {
            throw MemberErrors.NicknameInvalid.ForField("nickname");
        }

        if (!allowReserved && IsReserved(trimmed))
        {
            throw MemberErrors.NicknameReserved.ForField("nickname");
        }

        return trimmed;
    }
}
