namespace Salon.Domain.Common;

/// <summary>An expected failure with a stable machine-readable code and a bilingual message, raised from an
/// <see cref="ErrorCode"/> of a module's catalogue. Expected failures are mapped to ProblemDetails and never
/// logged as errors.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design",
    "CA1032:Implement standard exception constructors",
    Justification = "Every SalonException carries a catalogued code; the standard constructors would make one without.")]
public sealed class SalonException : Exception
{
    public SalonException(ErrorCode error, LocalizedText? text = null, IReadOnlyDictionary<string, object?>? extensions = null)
        : base((text ?? error.Text).En)
    {
        Kind = error.Kind;
        Code = error.Code;
        Text = text ?? error.Text;
        Extensions = extensions ?? new Dictionary<string, object?>();
    }

    public ErrorKind Kind { get; }

    public string Code { get; }

    public LocalizedText Text { get; }

    public IReadOnlyDictionary<string, object?> Extensions { get; }

    /// <summary>404 (<see cref="CommonErrors.NotFound"/>), saying what was not found.</summary>
    public static SalonException NotFound(LocalizedText? what = null) => CommonErrors.NotFound.Error(what ?? CommonErrors.NotFound.Text);

    /// <summary>403 (<see cref="CommonErrors.Forbidden"/>), saying why.</summary>
    public static SalonException Forbidden(LocalizedText? why = null) => CommonErrors.Forbidden.Error(why ?? CommonErrors.Forbidden.Text);
}
