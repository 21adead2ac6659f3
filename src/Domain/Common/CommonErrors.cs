namespace Salon.Domain.Common;

/// <summary>The error catalogue of codes every module raises (see <see cref="ErrorCode"/>).</summary>
public static class CommonErrors
{
    /// <summary>400: a request body failed its validator (raised by the Web API from FluentValidation's failures).</summary>
    public static readonly ErrorCode ValidationFailed = new(
        "validation-failed", ErrorKind.Invalid, new LocalizedText("入力内容を確認してください。", "Please check your input."));

    public static readonly ErrorCode CursorInvalid = new(
        "cursor-invalid", ErrorKind.Invalid, new LocalizedText("cursor の値が正しくありません。", "The cursor is not valid."));

    public static readonly ErrorCode NulCharacter = new(
        "nul-character", ErrorKind.Invalid, new LocalizedText("NUL 文字（\\u0000）は使えません。", "The NUL character (\\u0000) is not allowed."));

    /// <summary>403; raising sites usually say why.</summary>
    public static readonly ErrorCode Forbidden = new(
        "forbidden", ErrorKind.Forbidden, new LocalizedText("この操作を行う権限がありません。", "You are not allowed to do this."));

    /// <summary>404; raising sites usually say what was not found.</summary>
    public static readonly ErrorCode NotFound = new(
        "not-found", ErrorKind.NotFound, new LocalizedText("見つかりませんでした。", "Not found."));
}
