namespace Salon.Application.Moderation;

public enum CrisisPolicy
{
    /// <summary>Publish at once and open a priority item (the default: nobody waits for help to be seen).</summary>
    PublishAndEscalate,

    /// <summary>Visible only to its author until a moderator has reviewed it.</summary>
    HoldForReview,
}

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

/// <summary>Settings under <c>Safety</c>. The crisis lexicon and lines ship in appsettings.json so staff
/// can correct them without a release.</summary>
public sealed class SafetyOptions
{
    public const string Section = "Safety";

    public CrisisPolicy CrisisPolicy { get; set; } = CrisisPolicy.PublishAndEscalate;

    /// <summary>Crisis terms, matched after folding (see SafetyText.Fold).</summary>
    public List<string> CrisisTerms { get; set; } = [];

    public List<CrisisLineOptions> CrisisLines { get; set; } = [];

    /// <summary>Distinct reporters that hide a post pending review. A moderator's report counts as the threshold.</summary>
    public int ReportHideThreshold { get; set; } = 3;

    /// <summary>How long a watched-word list is cached by other instances.</summary>
    public TimeSpan WatchedWordsCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
