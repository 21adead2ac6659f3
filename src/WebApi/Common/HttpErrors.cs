using Salon.Domain.Common;

namespace Salon.WebApi.Common;

/// <summary>The Web API's error catalogue: codes the host answers itself. The use cases' codes are in the modules'
/// catalogues (<see cref="ErrorCode"/>), their status fixed by <see cref="ErrorStatuses.Of"/>.</summary>
public static class HttpErrors
{
    public static readonly HttpError BadRequest = new(
        "bad-request", StatusCodes.Status400BadRequest, new LocalizedText("リクエストの形式が正しくありません。", "The request is malformed."));

    public static readonly HttpError Unauthenticated = new(
        "unauthenticated", StatusCodes.Status401Unauthorized, new LocalizedText("ログインが必要です。", "You need to sign in."));

    public static readonly HttpError MethodNotAllowed = new(
        "method-not-allowed", StatusCodes.Status405MethodNotAllowed, new LocalizedText("このメソッドは使えません。", "Method not allowed."));

    public static readonly HttpError RequestTimeout = new(
        "request-timeout", StatusCodes.Status408RequestTimeout, new LocalizedText("リクエストが時間内に届きませんでした。", "The request took too long to arrive."));

    public static readonly HttpError LengthRequired = new(
        "length-required", StatusCodes.Status411LengthRequired, new LocalizedText("Content-Length が必要です。", "A Content-Length is required."));

    public static readonly HttpError PayloadTooLarge = new(
        "payload-too-large", StatusCodes.Status413PayloadTooLarge, new LocalizedText("送信された内容が大きすぎます。", "The request is too large."));

    public static readonly HttpError UriTooLong = new(
        "uri-too-long", StatusCodes.Status414UriTooLong, new LocalizedText("URL が長すぎます。", "The URL is too long."));

    public static readonly HttpError UnsupportedMediaType = new(
        "unsupported-media-type", StatusCodes.Status415UnsupportedMediaType, new LocalizedText("JSON（UTF-8）で送信してください。", "Send JSON in UTF-8."));

    public static readonly HttpError RateLimited = new(
        "rate-limited",
        StatusCodes.Status429TooManyRequests,
        new LocalizedText("短い時間に操作が続いたため、少し時間をおいてからお試しください。", "Too many attempts in a short time. Please wait a little and try again."));

    public static readonly HttpError HeadersTooLarge = new(
        "headers-too-large", StatusCodes.Status431RequestHeaderFieldsTooLarge, new LocalizedText("リクエストヘッダーが大きすぎます。", "The request headers are too large."));

    /// <summary>A write lost to another writer of the same row (EF Core's <c>DbUpdateConcurrencyException</c>) that no use
    /// case foresaw: the last line of defence, "try again" instead of a server error (docs/adr/0046).</summary>
    public static readonly HttpError ConcurrentChange = new(
        "concurrent-change",
        StatusCodes.Status409Conflict,
        new LocalizedText("同時に行われたほかの操作と重なったため、完了できませんでした。もう一度お試しください。", "Another change to the same data was made at the same moment. Please try again."));

    public static readonly HttpError ServerError = new(
        "server-error",
        StatusCodes.Status500InternalServerError,
        new LocalizedText("サーバーでエラーが発生しました。時間をおいてもう一度お試しください。", "Something went wrong on our side. Please try again later."));

    /// <summary>A status the API never sets itself, answered by the framework (the body only names it).</summary>
    public static readonly HttpError Other = new("error", null, new LocalizedText("エラーが発生しました。", "An error occurred."));
}
