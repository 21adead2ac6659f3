using System.Text.Json.Serialization;

namespace Salon.Application.Insights;

/// <summary>A count that never exposes a small group: 1–4 leave the server only as the string "&lt;5"
/// (the exact value is dropped here, not at serialisation). Zero identifies nobody and stays 0.
/// In JSON it is a number, or the string "&lt;5".</summary>
[JsonConverter(typeof(SuppressedCountJsonConverter))]
public readonly record struct SuppressedCount
{
    public const int Threshold = 5;
    public const string SuppressedText = "<5";

    private SuppressedCount(int? value) => Value = value;

    /// <summary>The count, or null when it is suppressed.</summary>
    public int? Value { get; }

    public bool IsSuppressed => Value is null;

    public static SuppressedCount Of(int count) => new(count is > 0 and < Threshold ? null : count);

    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? SuppressedText;
}
