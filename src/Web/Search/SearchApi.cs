using Salon.Web.Api;
using Salon.Web.Consultations;

namespace Salon.Web.Search;

/// <summary>The search route (<c>GET /api/search?q=</c>).</summary>
public static class SearchRoutes
{
    public static readonly ApiRoute Search = new("GET", "/api/search");
}

/// <summary>A topic or reply that matched (<see cref="Kind"/>: <c>topic</c> or <c>reply</c>), with a snippet around
/// the match and its author exactly as the API gives it (匿名さん for anonymous posts).</summary>
public sealed record SearchResult(string Kind, Guid Id, Guid TopicId, string TopicTitle, string Snippet, Author Author, string? ContentWarning, DateTime CreatedAt);

public static class SearchApi
{
    /// <summary>Search answers at most this many characters (the API's limit).</summary>
    public const int MaxQueryLength = 100;

    /// <summary>One page of search results for the signed-in member.</summary>
    /// <param name="api">The signed-in member's client.</param>
    /// <param name="q">The words searched for (at most <see cref="MaxQueryLength"/> characters).</param>
    /// <param name="sort">null or <c>newest</c> (newest first), or <c>relevance</c> (best match first).</param>
    /// <param name="cursor">The cursor of the page before, or null for the first page.</param>
    public static Task<ApiResult<Page<SearchResult>>> SearchAsync(this SalonApiClient api, string q, string? sort, string? cursor) =>
        api.GetAsync<Page<SearchResult>>(SearchRoutes.Search, query: [new("q", q), new("sort", sort), new("cursor", cursor)]);
}
