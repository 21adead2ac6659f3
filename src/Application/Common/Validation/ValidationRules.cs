using FluentValidation;
using Salon.Domain.Common;

namespace Salon.Application.Common.Validation;

/// <summary>Rules several use cases share, with bilingual messages.</summary>
public static class ValidationRules
{
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;
    public const int EmailMaxLength = 254;

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) => rule
        .NotEmpty()
        .MaximumLength(EmailMaxLength)
        .EmailAddress()
        .WithMessage(_ => new LocalizedText("メールアドレスの形式が正しくありません。", "Enter a valid e-mail address.").Current);

    /// <summary>Length only: long passphrases beat composition rules (NIST SP 800-63B).</summary>
    public static IRuleBuilderOptions<T, string> ValidNewPassword<T>(this IRuleBuilder<T, string> rule) => rule
        .NotEmpty()
        .Must(p => p is not null && p.Length is >= PasswordMinLength and <= PasswordMaxLength)
        .WithMessage(_ => new LocalizedText(
            $"パスワードは{PasswordMinLength}文字以上{PasswordMaxLength}文字以内で入力してください。",
            $"Password must be {PasswordMinLength} to {PasswordMaxLength} characters.").Current);

    public static IRuleBuilderOptions<T, IReadOnlyList<string>> ValidFamilyPositions<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) => rule
        .NotEmpty()
        .WithMessage(_ => new LocalizedText("家族の立場を1つ以上選んでください。", "Choose at least one family position.").Current)
        .Must(list => list is not null && list.All(FamilyPositionNames.IsKnown))
        .WithMessage(_ => new LocalizedText(
            $"家族の立場は {string.Join(", ", FamilyPositionNames.All)} から選んでください。",
            $"Family positions must be among {string.Join(", ", FamilyPositionNames.All)}.").Current);
}
