using Salon.Domain.Common;

namespace Salon.Application.Insights;

/// <summary>The Insights module's error catalogue (see <see cref="ErrorCode"/>; the module has no domain layer of its own).</summary>
public static class InsightsErrors
{
    public static readonly ErrorCode InvalidRange = new(
        "invalid-range", ErrorKind.Invalid, new LocalizedText("終了日は開始日以降にしてください。", "The end must not be before the start."));
}
