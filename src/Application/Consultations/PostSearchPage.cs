namespace Salon.Application.Consultations;

/// <summary>What one search request found. <see cref="ResumeAfter"/> is set when the search stopped before it had
/// filled the page because it had examined as many candidates as one request may (docs/adr/0037): the matches are
/// every match newer than that point, more may be older, and the next page starts there. Null otherwise: a page of
/// fewer matches than asked for is then the last.</summary>
public sealed record PostSearchPage(IReadOnlyList<PostMatch> Matches, PostMatch? ResumeAfter = null)
{
    public static readonly PostSearchPage Empty = new([]);
}
