using Salon.Domain.Common;

namespace Salon.Domain.Consultations;

/// <summary>The Consultations module's error catalogue (see <see cref="ErrorCode"/>).</summary>
public static class ConsultationErrors
{
    public static readonly ErrorCode TitleLength = new("title-length", ErrorKind.Invalid, LengthMessages.Title(PostRules.TitleMaxLength));

    public static readonly ErrorCode BodyLength = new("body-length", ErrorKind.Invalid, LengthMessages.Body(PostRules.BodyMaxLength));

    public static readonly ErrorCode ContentWarningLength = new(
        "content-warning-length",
        ErrorKind.Invalid,
        new LocalizedText(
            $"注意書きは{PostRules.ContentWarningMaxLength}文字以内で入力してください。",
            $"The content warning must be at most {PostRules.ContentWarningMaxLength} characters."));

    public static readonly ErrorCode PostBlocked = new(
        "post-blocked",
        ErrorKind.Invalid,
        new LocalizedText(
            "この内容は投稿できません。個人を特定できる情報や、ほかの方を傷つける表現が含まれていないか確認してください。",
            "This cannot be posted. Please check it for personal details or words that could hurt others."));

    /// <summary>400; the raising site names the unknown tags.</summary>
    public static readonly ErrorCode TagUnknown = new("tag-unknown", ErrorKind.Invalid, new LocalizedText("存在しないタグです。", "Unknown tags."));

    public static readonly ErrorCode RepliesNotWelcome = new(
        "replies-not-welcome",
        ErrorKind.Conflict,
        new LocalizedText(
            "この相談は返信を受け付けていません（ひとりごと）。共感のリアクションは送れます。",
            "This post does not take replies. You can still react to it."));

    public static readonly ErrorCode TopicClosed = new(
        "topic-closed", ErrorKind.Conflict, new LocalizedText("この相談は締め切られています。", "This consultation is closed."));

    public static readonly ErrorCode CannotHideOwnPost = new(
        "cannot-hide-own-post", ErrorKind.Rule, new LocalizedText("自分の投稿は非表示にできません。", "You cannot hide your own post."));

    /// <summary>429; the raising site says how many posts the first hours allow.</summary>
    public static readonly ErrorCode NewMemberLimit = new(
        "new-member-limit",
        ErrorKind.RateLimited,
        new LocalizedText("登録から間もないため、投稿できる件数に達しました。時間をおいてからお試しください。", "New members can post only a few times at first. Please try again later."));

    public static readonly ErrorCode PostingTooFast = new(
        "posting-too-fast", ErrorKind.RateLimited, new LocalizedText("続けて投稿するには、少し時間をおいてください。", "Please wait a moment before posting again."));
}
