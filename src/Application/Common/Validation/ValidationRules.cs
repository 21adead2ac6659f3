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
        .Must(IsMailboxAsWritten)
        .WithMessage(_ => new LocalizedText("メールアドレスの形式が正しくありません。", "Enter a valid e-mail address.").Current);

    /// <summary>The address alone, as mail would be sent to it: one @ is not enough. "a b@example.com" is the name "a"
    /// and the address b@example.com, "はな &lt;hana@example.com&gt;" a name and an address, and mail to either went
    /// elsewhere than the address kept, or nowhere (the mail library refused it).</summary>
    private static bool IsMailboxAsWritten(string? email) =>
        email is not null
        && System.Net.Mail.MailAddress.TryCreate(email.Trim(), out var address)
        && address.DisplayName.Length == 0
        && string.Equals(address.Address, email.Trim(), StringComparison.Ordinal);

    /// <summary>A title: 1 to <paramref name="max"/> characters once trimmed (null fails; for a PATCH, add
    /// <c>.When(c => c.Title is not null)</c>).</summary>
    public static IRuleBuilderOptions<T, string?> ValidTitle<T>(this IRuleBuilder<T, string?> rule, int max) => rule
        .Must(t => t is not null && t.Trim().Length >= 1 && t.Trim().Length <= max)
        .WithMessage(_ => LengthMessages.Title(max).Current);

    /// <summary>A body text: 1 to <paramref name="max"/> characters once trimmed (null fails; for a PATCH, add
    /// <c>.When(c => c.Body is not null)</c>).</summary>
    public static IRuleBuilderOptions<T, string?> ValidBody<T>(this IRuleBuilder<T, string?> rule, int max) => rule
        .Must(b => b is not null && b.Trim().Length >= 1 && b.Trim().Length <= max)
        .WithMessage(_ => LengthMessages.Body(max).Current);

    /// <summary>Whether a post is anonymous, said by the client: never decided by a field left out, which would put the
    /// member's nickname on it (docs/adr/0048).</summary>
    public static IRuleBuilderOptions<T, bool?> ChosenAnonymity<T>(this IRuleBuilder<T, bool?> rule) => rule
        .NotNull()
        .WithMessage(_ => new LocalizedText(
            "匿名で投稿するかどうか（anonymous: true または false）を指定してください。",
            "Say whether to post anonymously (anonymous: true or false).").Current);

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
        .BoundedList(FamilyPositionNames.All.Count)
        .Must(list => list is not null && list.All(FamilyPositionNames.IsKnown))
        .WithMessage(_ => new LocalizedText(
            $"家族の立場は {string.Join(", ", FamilyPositionNames.All)} から選んでください。",
            $"Family positions must be among {string.Join(", ", FamilyPositionNames.All)}.").Current);

    /// <summary>A list in a request: at most <paramref name="max"/> items and no null among them. Checked on the
    /// count first, so an oversized list is refused before anything looks at its items (put the rules on the
    /// items under <see cref="IsBounded{TItem}"/>).</summary>
    public static IRuleBuilderOptions<T, TList> BoundedList<T, TList>(this IRuleBuilder<T, TList> rule, int max)
        where TList : IReadOnlyCollection<object?>? => rule
        .Must(list => list is null || list.Count <= max)
        .WithMessage(_ => new LocalizedText($"{{PropertyName}}は{max}個までです。", $"{{PropertyName}}: at most {max} items.").Current)
        .Must(list => list is null || list.Count > max || list.All(item => item is not null))
        .WithMessage(_ => new LocalizedText("{PropertyName}に空の項目（null）は入れられません。", "{PropertyName} must not contain null items.").Current);

    /// <summary>True when the list is absent or within <paramref name="max"/> items with no null: the condition under
    /// which rules on its items run.</summary>
    public static bool IsBounded<TItem>(IReadOnlyCollection<TItem>? list, int max) => list is null || (list.Count <= max && list.All(item => item is not null));
}
