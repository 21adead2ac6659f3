namespace Salon.Application.Moderation;

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
