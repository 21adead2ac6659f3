namespace Salon.Application.Moderation.Contracts;

/// <summary>A crisis line, from configuration.</summary>
public sealed record CrisisLineDto(string Name, string Phone, string Hours, string? Url, string? Audience, string LastVerified, bool NeedsReverification);

/// <summary>What a client shows at once when text looks like a crisis.</summary>
public sealed record SupportDto(string Message, IReadOnlyList<CrisisLineDto> Resources);

/// <summary>The verdict on a text about to be posted.</summary>
public sealed record ScreeningResult(bool Crisis, bool Blocked, bool Hold, bool Flag, SupportDto? Support)
{
    public static readonly ScreeningResult Clear = new(false, false, false, false, null);
}

/// <summary>Screens text before it is posted: the crisis lexicon and the watched words. Modules that
/// accept text call it, refuse blocked text, hold what must be held, and return <see cref="SupportDto"/>.</summary>
public interface IPostScreening
{
    Task<ScreeningResult> ScreenAsync(string text, CancellationToken cancellationToken);
}

/// <summary>The crisis lines, for any module that must show them (e.g. in a notice or an e-mail footer).</summary>
public interface ISupportResources
{
    IReadOnlyList<CrisisLineDto> Lines();
}
