namespace Salon.Domain.Common;

/// <summary>The one wording of the title and body length limits, for the domain's checks and the request validators.</summary>
public static class LengthMessages
{
    public static LocalizedText Title(int max) => new($"タイトルは1〜{max}文字で入力してください。", $"The title must be 1 to {max} characters.");

    public static LocalizedText Body(int max) => new($"本文は1〜{max}文字で入力してください。", $"The text must be 1 to {max} characters.");
}
