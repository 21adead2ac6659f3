using System.Globalization;

namespace Salon.Domain.Common;

/// <summary>User-facing text: Japanese first, English second. The request culture picks one.</summary>
public sealed record LocalizedText(string Ja, string En)
{
    public static bool PrefersEnglish =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName.Equals("en", StringComparison.OrdinalIgnoreCase);

    public string Current => PrefersEnglish ? En : Ja;

    public override string ToString() => Current;
}
