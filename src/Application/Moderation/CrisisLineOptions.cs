namespace Salon.Application.Moderation;

public sealed class CrisisLineOptions
{
    public string Name { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    public string Hours { get; set; } = string.Empty;

    public string? Url { get; set; }

    public string? Audience { get; set; }

    /// <summary>ISO date when someone last checked the number and hours.</summary>
    public string LastVerified { get; set; } = string.Empty;

    /// <summary>True until staff re-check it against the operator's site.</summary>
    public bool NeedsReverification { get; set; }
}
