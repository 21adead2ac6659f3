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

    // Compared against the normalised nickname, so full-width and case variants are covered too.
    private static readonly string[] ReservedFragments =
    [
        "公式", "運営", "管理人", "管理者", "事務局", "スタッフ", "モデレーター", "みんなねっと",
        "admin", "administrator", "moderator", "official", "staff", "salon運営", "system", "root",
        Normalize(AuthorNames.Anonymous), Normalize(AuthorNames.Departed),
    ];

    /// <summary>The comparison key: NFKC, lower case, surrounding white space removed.</summary>
    public static string Normalize(string nickname) =>
        nickname.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    public static int Length(string nickname) => new StringInfo(nickname.Trim()).LengthInTextElements;

    public static bool HasValidLength(string nickname)
    {
        var length = Length(nickname);
        return length is >= MinLength and <= MaxLength;
    }

    public static bool HasOnlyPrintableCharacters(string nickname) =>
        !nickname.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format);

    public static bool IsReserved(string nickname)
    {
        var normalized = Normalize(nickname);
        var compact = new string(normalized.Where(char.IsLetterOrDigit).ToArray());
        return ReservedFragments.Any(fragment => normalized.Contains(fragment, StringComparison.Ordinal)
            || compact.Contains(fragment, StringComparison.Ordinal));
    }

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
