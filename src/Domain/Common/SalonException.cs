namespace Salon.Domain.Common;

/// <summary>An expected failure with a stable machine-readable code and a bilingual message.
/// Expected failures are mapped to ProblemDetails and never logged as errors.</summary>
public class SalonException : Exception
{
    public SalonException(ErrorKind kind, string code, LocalizedText text, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(text.En)
    {
        Kind = kind;
        Code = code;
        Text = text;
        Extensions = extensions ?? new Dictionary<string, object?>();
    }

    public SalonException()
        : this(ErrorKind.Rule, "error", new LocalizedText("エラーが発生しました。", "An error occurred."))
    {
    }

    public SalonException(string message)
        : this(ErrorKind.Rule, "error", new LocalizedText(message, message))
    {
    }

    public SalonException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = ErrorKind.Rule;
        Code = "error";
        Text = new LocalizedText(message, message);
        Extensions = new Dictionary<string, object?>();
    }

    public ErrorKind Kind { get; }

    public string Code { get; }

    public LocalizedText Text { get; }

    public IReadOnlyDictionary<string, object?> Extensions { get; }

    public static SalonException NotFound(LocalizedText? what = null) => new(
        ErrorKind.NotFound,
        "not-found",
        what ?? new LocalizedText("見つかりませんでした。", "Not found."));

    public static SalonException Forbidden(LocalizedText? why = null) => new(
        ErrorKind.Forbidden,
        "forbidden",
        why ?? new LocalizedText("この操作を行う権限がありません。", "You are not allowed to do this."));

    public static SalonException Unauthenticated(string code, LocalizedText why) => new(ErrorKind.Unauthenticated, code, why);

    public static SalonException Conflict(string code, LocalizedText why) => new(ErrorKind.Conflict, code, why);

    public static SalonException Rule(string code, LocalizedText why) => new(ErrorKind.Rule, code, why);

    public static SalonException Invalid(string code, LocalizedText why, string? field = null) => new(
        ErrorKind.Invalid,
        code,
        why,
        field is null ? null : new Dictionary<string, object?> { ["field"] = field });
}
