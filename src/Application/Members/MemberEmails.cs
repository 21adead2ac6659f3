using Salon.Application.Notifications.Contracts;

namespace Salon.Application.Members;

/// <summary>The Members module's e-mails. Subjects are neutral (someone else in the household may see
/// them); bodies are Japanese first, English second, and carry no post text.</summary>
public static class MemberEmails
{
    public const string NeutralSubject = "サロンからのお知らせ / A message from Salon";

    private const string Footer = """

        ――
        このメールに心当たりがない場合は、破棄してください。
        If you did not expect this message, you can ignore it.
        """;

    public static EmailMessage Confirmation(Guid memberId, string to, string token, string baseUrl) => new(
        "email-confirmation",
        memberId,
        to,
        NeutralSubject,
        $"""
        ご登録ありがとうございます。
        次のリンクを開いて、メールアドレスの確認を完了してください（24時間有効）。

        {baseUrl}/confirm-email?userId={memberId}&token={token}

        アプリから確認する場合は、次の値を入力してください。
        userId: {memberId}
        token: {token}

        Thank you for registering. Open the link above to confirm your e-mail address (valid for 24 hours),
        or enter the userId and token shown above in the app.
        {Footer}
        """);

    public static EmailMessage AlreadyRegistered(Guid memberId, string to, string baseUrl) => new(
        "already-registered",
        memberId,
        to,
        NeutralSubject,
        $"""
        このメールアドレスで新しく登録しようとする操作がありました。
        すでにアカウントをお持ちです。これまでのパスワードでログインするか、パスワードをお忘れの場合は再設定してください。
        今回の登録は完了せず、そのとき入力したパスワードは使われません。

        {baseUrl}/login
        {baseUrl}/forgot-password

        Someone tried to register with this e-mail address. You already have an account: sign in
        with your existing password, or reset it if you have forgotten it. This registration will not
        be completed, and the password entered for it is not used.
        {Footer}
        """);

    public static EmailMessage PasswordReset(Guid memberId, string to, string token, string baseUrl) => new(
        "password-reset",
        memberId,
        to,
        NeutralSubject,
        $"""
        パスワード再設定の依頼を受け付けました。
        次のリンクから新しいパスワードを設定してください（24時間有効）。

        {baseUrl}/reset-password?userId={memberId}&token={token}

        userId: {memberId}
        token: {token}

        We received a request to reset your password. Use the link or values above to choose a new one
        (valid for 24 hours).
        {Footer}
        """);

    /// <summary>Sent when repeated failed sign-ins pause the account (once per pause). Whoever tried is
    /// told nothing; the owner gets a way back in, since a reset lifts the pause.</summary>
    public static EmailMessage AccountLocked(Guid memberId, string to, string token, string baseUrl) => new(
        "account-locked",
        memberId,
        to,
        NeutralSubject,
        $"""
        ログインに続けて失敗したため、このアカウントへのログインをしばらく止めています。
        お心当たりがない場合は、誰かがパスワードを試している可能性があります。パスワードの再設定をおすすめします。
        次のリンクからパスワードを再設定すると、すぐにログインできるようになります（24時間有効）。

        {baseUrl}/reset-password?userId={memberId}&token={token}

        userId: {memberId}
        token: {token}

        リンクの有効期限が切れた場合は、こちらから再設定のメールを受け取れます。
        {baseUrl}/forgot-password

        After several failed sign-ins, signing in to this account is paused for a while. If this was not
        you, someone may be trying to guess your password, and we recommend resetting it. Reset your
        password with the link or values above (valid for 24 hours) and you can sign in again at once.
        If the link has expired, ask for a new one at {baseUrl}/forgot-password.
        {Footer}
        """);

    public static EmailMessage ChangeEmailConfirmation(Guid memberId, string newAddress, string token, string baseUrl) => new(
        "email-change-confirmation",
        memberId,
        newAddress,
        NeutralSubject,
        $"""
        メールアドレス変更の確認です。次のリンクを開くと変更が完了します（24時間有効）。

        {baseUrl}/confirm-email-change?userId={memberId}&email={Uri.EscapeDataString(newAddress)}&token={token}

        userId: {memberId}
        token: {token}

        Please confirm your new e-mail address with the link or values above (valid for 24 hours).
        {Footer}
        """);

    public static EmailMessage EmailChangeRequested(Guid memberId, string oldAddress) => new(
        "email-change-notice",
        memberId,
        oldAddress,
        NeutralSubject,
        $"""
        アカウントのメールアドレスを変更する手続きが始まりました。
        お心当たりがない場合は、すぐにパスワードを変更してください。

        A change of your account's e-mail address was requested. If this was not you,
        change your password now.
        {Footer}
        """);

    public static EmailMessage PasswordChanged(Guid memberId, string to) => new(
        "password-changed",
        memberId,
        to,
        NeutralSubject,
        $"""
        アカウントのパスワードが変更されました。
        お心当たりがない場合は、パスワードの再設定を行ってください。

        Your account's password was changed. If this was not you, reset your password.
        {Footer}
        """);
}
