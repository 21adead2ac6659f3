using Salon.Domain.Common;

namespace Salon.Domain.Moderation;

/// <summary>The Moderation module's error catalogue (see <see cref="ErrorCode"/>).</summary>
public static class ModerationErrors
{
    public static readonly ErrorCode UntilPast = new(
        "until-past", ErrorKind.Invalid, new LocalizedText("終了日時は未来の日時にしてください。", "The end must be in the future."));

    /// <summary>422, the same code and status as the Members catalogue's (it is the same rule, met while suspending).</summary>
    public static readonly ErrorCode LastAdmin = new(
        "last-admin", ErrorKind.Rule, new LocalizedText("最後の管理者は利用停止にできません。", "The last admin cannot be suspended."));

    public static readonly ErrorCode NoPost = new(
        "no-post", ErrorKind.Rule, new LocalizedText("この項目には対象の投稿がありません。", "This item has no post to act on."));

    public static readonly ErrorCode ItemResolved = new(
        "item-resolved", ErrorKind.Conflict, new LocalizedText("この項目はすでに対応済みです。", "This item has already been resolved."));

    public static readonly ErrorCode AlreadyReported = new(
        "already-reported", ErrorKind.Conflict, new LocalizedText("この投稿はすでに報告済みです。ありがとうございます。", "You have already reported this post. Thank you."));

    public static readonly ErrorCode ReportConflict = new(
        "report-conflict",
        ErrorKind.Conflict,
        new LocalizedText(
            "報告が重なりました。もう一度送ってください（すでに報告済みの場合は不要です）。",
            "Your report crossed with another. Please send it again (unless you already reported this post)."));

    public static readonly ErrorCode WatchedWordsConflict = new(
        "watched-words-conflict",
        ErrorKind.Conflict,
        new LocalizedText(
            "注意する言葉の保存が、ほかの保存と重なりました。一覧を開き直して、もう一度保存してください。",
            "The watched words were saved by someone else at the same moment. Open the list again and save once more."));
}
