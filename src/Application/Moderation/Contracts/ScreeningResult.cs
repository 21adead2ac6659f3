namespace Salon.Application.Moderation.Contracts;

/// <summary>The verdict on a text about to be posted.</summary>
public sealed record ScreeningResult(bool Crisis, bool Blocked, bool Hold, bool Flag, SupportDto? Support)
{
    public static readonly ScreeningResult Clear = new(false, false, false, false, null);
}
