namespace Salon.Domain.Common;

/// <summary>One entry of a module's error catalogue (a static class named <c>…Errors</c>): a stable machine-readable
/// code, the kind of failure (which fixes its HTTP status) and its default bilingual message. Every
/// <see cref="SalonException"/> is raised from an entry, so one code always answers with one status.</summary>
public sealed record ErrorCode(string Code, ErrorKind Kind, LocalizedText Text)
{
    /// <summary>The failure with the catalogue's message.</summary>
    public SalonException Error() => new(this);

    /// <summary>The failure with a message that says more than the catalogue's (which thing was not found, the
    /// limit that was passed), and for a 400 the request field it is about.</summary>
    public SalonException Error(LocalizedText text, string? field = null) => new(
        this,
        text,
        field is null ? null : new Dictionary<string, object?> { ["field"] = field });

    /// <summary>The failure about one request field, with the catalogue's message.</summary>
    public SalonException ForField(string field) => Error(Text, field);
}
