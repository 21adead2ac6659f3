namespace Salon.Application.Consultations;

/// <summary>Japanese full-text search over topics and replies, provider-specific (SQLite FTS5 trigram, and
/// an FTS5 index of single characters for 1–2 characters; PostgreSQL pg_trgm, with a substring walk for 1–2). It applies the visibility rules in
/// the same SQL, so pages are full and keyset pagination has no gaps.</summary>
public interface IPostSearch
{
    /// <summary>Matches for <paramref name="query"/> among posts that are not deleted and visible to
    /// <paramref name="viewerId"/> (visible, or their own), strictly after <paramref name="after"/> in the
    /// requested order, excluding named posts by authors the viewer blocked (never anonymous ones: ADR 0016) and
    /// posts the viewer hid (a hidden topic with its replies); at most <paramref name="limit"/>. A provider may stop
    /// before the page is full to bound the work of one request, and then says where to resume
    /// (<see cref="PostSearchPage.ResumeAfter"/>).</summary>
    Task<PostSearchPage> SearchAsync(
        string query,
        Guid viewerId,
        SearchOrder order,
        PostMatch? after,
        int limit,
        CancellationToken cancellationToken);
}
