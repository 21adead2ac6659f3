using Salon.Web.Api;

namespace Salon.Web.Consultations.My;

/// <summary>The member's own lists (<c>/api/me/topics</c>, <c>/api/me/replies</c>, <c>/api/me/bookmarks</c>): my topics, my replies, my bookmarks.</summary>
public static class MyListsRoutes
{
    public static readonly ApiRoute MyTopics = new("GET", "/api/me/topics");
    public static readonly ApiRoute MyReplies = new("GET", "/api/me/replies");
    public static readonly ApiRoute Bookmarks = new("GET", "/api/me/bookmarks");
}

/// <summary>One of my replies, with the topic it answers. <see cref="Status"/>: <c>published</c>, or
/// <c>under_review</c> while others cannot see it yet.</summary>
public sealed record MyReply(
    Guid Id, Guid TopicId, string TopicTitle, string Excerpt, bool Anonymous, string Status, DateTime CreatedAt, DateTime? EditedAt, ReactionCounts ReactionCounts);

public static class MyListsApi
{
    public static Task<ApiResult<Page<TopicSummary>>> MyTopicsAsync(this SalonApiClient api, string? cursor) =>
        api.GetAsync<Page<TopicSummary>>(MyListsRoutes.MyTopics, query: [new("cursor", cursor)]);

    public static Task<ApiResult<Page<MyReply>>> MyRepliesAsync(this SalonApiClient api, string? cursor) =>
        api.GetAsync<Page<MyReply>>(MyListsRoutes.MyReplies, query: [new("cursor", cursor)]);

    public static Task<ApiResult<Page<TopicSummary>>> BookmarksAsync(this SalonApiClient api, string? cursor) =>
        api.GetAsync<Page<TopicSummary>>(MyListsRoutes.Bookmarks, query: [new("cursor", cursor)]);
}
