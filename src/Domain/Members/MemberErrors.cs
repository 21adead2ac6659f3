using Salon.Domain.Common;

namespace Salon.Domain.Members;

/// <summary>The Members module's error catalogue (see <see cref="ErrorCode"/>).</summary>
public static class MemberErrors
{
    public static readonly ErrorCode NicknameInvalid = new(
        "nickname-invalid", ErrorKind.Invalid, new LocalizedText("ニックネームは2〜20文字で入力してください。", "Nickname must be 2 to 20 characters."));

    public static readonly ErrorCode NicknameReserved = new(
        "nickname-reserved",
        ErrorKind.Invalid,
        new LocalizedText("このニックネームは使えません（運営や公式と紛らわしい名前は使えません）。", "This nickname cannot be used (it could be mistaken for staff)."));

    public static readonly ErrorCode NicknameTaken = new(
        "nickname-taken",
        ErrorKind.Conflict,
        new LocalizedText("このニックネームはすでに使われています。別のニックネームを選んでください。", "This nickname is already taken. Please choose another."));

    public static readonly ErrorCode BioTooLong = new(
        "bio-too-long",
        ErrorKind.Invalid,
        new LocalizedText($"自己紹介は{Member.BioMaxLength}文字以内で入力してください。", $"Bio must be at most {Member.BioMaxLength} characters."));

    public static readonly ErrorCode FamilyPositionsRequired = new(
        "family-positions-required", ErrorKind.Invalid, new LocalizedText("家族の立場を1つ以上選んでください。", "Choose at least one family position."));

    public static readonly ErrorCode CannotBlockSelf = new(
        "cannot-block-self", ErrorKind.Rule, new LocalizedText("自分自身をブロックすることはできません。", "You cannot block yourself."));

    public static readonly ErrorCode LastAdmin = new(
        "last-admin", ErrorKind.Rule, new LocalizedText("最後の管理者から管理者ロールを外すことはできません。", "The last admin cannot lose the admin role."));

    public static readonly ErrorCode EmailUnavailable = new(
        "email-unavailable", ErrorKind.Conflict, new LocalizedText("このメールアドレスは使用できません。", "This e-mail address cannot be used."));

    public static readonly ErrorCode EmailUnchanged = new(
        "email-unchanged", ErrorKind.Invalid, new LocalizedText("現在と同じメールアドレスです。", "This is already your e-mail address."));

    public static readonly ErrorCode PasswordIncorrect = new(
        "password-incorrect", ErrorKind.Invalid, new LocalizedText("パスワードが正しくありません。", "The password is incorrect."));

    public static readonly ErrorCode TokenInvalid = new(
        "token-invalid",
        ErrorKind.Invalid,
        new LocalizedText("リンクが無効か、有効期限が切れています。もう一度お試しください。", "The link is invalid or has expired. Please try again."));

    public static readonly ErrorCode SignUpConflict = new(
        "sign-up-conflict",
        ErrorKind.Conflict,
        new LocalizedText(
            "このニックネームかメールアドレスは、たった今ほかの登録に使われました。もう一度登録してください。",
            "This nickname or e-mail address was just taken by another registration. Please register again."));

    public static readonly ErrorCode InvalidCredentials = new(
        "invalid-credentials",
        ErrorKind.Unauthenticated,
        new LocalizedText("メールアドレスまたはパスワードが正しくありません。", "The e-mail address or password is incorrect."));

    public static readonly ErrorCode RefreshTokenInvalid = new(
        "refresh-token-invalid", ErrorKind.Unauthenticated, new LocalizedText("もう一度ログインしてください。", "Please sign in again."));

    public static readonly ErrorCode EmailNotConfirmed = new(
        "email-not-confirmed",
        ErrorKind.Forbidden,
        new LocalizedText(
            "メールアドレスの確認が済んでいません。届いたメールのリンクを開いてください。メールが見つからない場合は再送できます。",
            "Your e-mail address is not confirmed yet. Open the link in the e-mail we sent; you can ask for it again."));

    /// <summary>403; the raising site says until when.</summary>
    public static readonly ErrorCode AccountSuspended = new(
        "account-suspended", ErrorKind.Forbidden, new LocalizedText("このアカウントは利用停止中です。", "This account is suspended."));
}
