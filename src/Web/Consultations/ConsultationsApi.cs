using System.Globalization;
using Salon.Web.Api;
using Salon.Web.Safety;

namespace Salon.Web.Consultations;

public static class ConsultationsRoutes
{
    public static readonly ApiRoute Boards = new("GET", "/api/boards");
    public static readonly ApiRoute Tags = new("GET", "/api/tags");
    public static readonly ApiRoute BoardTopics = new("GET", "/api/boards/{slug}/topics");
    public static readonly ApiRoute CreateTopic = new("POST", "/api/topics");
    public static readonly ApiRoute Topic = new("GET", "/api/topics/{id}");
    public static readonly ApiRoute PostReply = new("POST", "/api/topics/{id}/replies");
    public static readonly ApiRoute React = new("PUT", "/api/posts/{id}/reactions/{kind}");
    public static readonly ApiRoute Unreact = new("DELETE", "/api/posts/{id}/reactions/{kind}");
    public static readonly ApiRoute Follow = new("PUT", "/api/topics/{id}/follow");
    public static readonly ApiRoute Unfollow = new("DELETE", "/api/topics/{id}/follow");
    public static readonly ApiRoute Bookmark = new("PUT", "/api/topics/{id}/bookmark");
    public static readonly ApiRoute Unbookmark = new("DELETE", "/api/topics/{id}/bookmark");
    public static readonly ApiRoute MarkRead = new("PUT", "/api/topics/{id}/read");
}

public sealed record Board(string Slug, string Name, string Description, string Kind, IReadOnlyList<string> Audience, bool RepliesWelcomeByDefault, int TopicCount);

public sealed record Tag(string Slug, string Name);

/// <summary>An author as the API gives it: a nickname, or 「匿名さん」 with <see cref="Anonymous"/> and no id.</summary>
public sealed record Author(Guid? Id, string Nickname, IReadOnlyList<string>? FamilyPositions, bool IsOfficial, bool Anonymous, bool Departed);

public sealed record ReactionCounts(int Relate, int Thanks, int Support);

public sealed record TopicSummary(
    Guid Id, string BoardSlug, string Title, string Excerpt, Author Author, bool IsMine, IReadOnlyList<string> Tags,
    bool RepliesWelcome, string? ContentWarning, bool IsClosed, DateTime CreatedAt, DateTime LastActivityAt,
    int ReplyCount, ReactionCounts ReactionCounts, int? UnreadReplies);

public sealed record BoardRef(string Slug, string Name);

public sealed record Reply(
    Guid Id, string? Body, Author? Author, bool IsMine, string? ContentWarning, bool Deleted, string Status,
    DateTime CreatedAt, DateTime? EditedAt, ReactionCounts ReactionCounts, IReadOnlyList<string> MyReactions);

public sealed record TopicDetail(
    Guid Id, BoardRef Board, string Title, string Body, Author Author, bool IsMine, IReadOnlyList<string> Tags,
    bool RepliesWelcome, string? ContentWarning, bool IsClosed, string Status, DateTime CreatedAt, DateTime? EditedAt,
    int ReplyCount, ReactionCounts ReactionCounts, IReadOnlyList<string> MyReactions, bool IsFollowing, bool IsBookmarked,
    Page<Reply> Replies);

public sealed record NewTopic(string BoardSlug, string Title, string Body, IReadOnlyList<string> Tags, bool Anonymous, bool RepliesWelcome, string? ContentWarning);

public sealed record NewReply(string Body, bool Anonymous, string? ContentWarning);

/// <summary>POST /api/topics and /replies answer the new id, and <see cref="Support"/> when the text looks like a crisis.</summary>
public sealed record PostCreated(Guid Id, Support? Support);

public static class ConsultationsApi
{
    public static Task<ApiResult<IReadOnlyList<Board>>> BoardsAsync(this SalonApiClient api) =>
        api.GetAsync<IReadOnlyList<Board>>(ConsultationsRoutes.Boards);

    public static Task<ApiResult<IReadOnlyList<Tag>>> TagsAsync(this SalonApiClient api) =>
        api.GetAsync<IReadOnlyList<Tag>>(ConsultationsRoutes.Tags);

    public static Task<ApiResult<Page<TopicSummary>>> BoardTopicsAsync(this SalonApiClient api, string slug, string? tag, bool unanswered, string? cursor) =>
        api.GetAsync<Page<TopicSummary>>(ConsultationsRoutes.BoardTopics, [slug], [new("tag", tag), new("unanswered", unanswered ? "true" : null), new("cursor", cursor)]);

    public static Task<ApiResult<TopicDetail>> TopicAsync(this SalonApiClient api, Guid id, string? cursor) =>
        api.GetAsync<TopicDetail>(ConsultationsRoutes.Topic, [id], [new("cursor", cursor)]);

    public static Task<ApiResult<PostCreated>> CreateTopicAsync(this SalonApiClient api, NewTopic topic) =>
        api.SendAsync<PostCreated>(ConsultationsRoutes.CreateTopic, body: topic);

    public static Task<ApiResult<PostCreated>> PostReplyAsync(this SalonApiClient api, Guid topicId, NewReply reply) =>
        api.SendAsync<PostCreated>(ConsultationsRoutes.PostReply, [topicId], reply);

    public static Task<ApiResult<NoContent>> SetReactionAsync(this SalonApiClient api, Guid postId, string kind, bool on) =>
        api.SendAsync(on ? ConsultationsRoutes.React : ConsultationsRoutes.Unreact, [postId, kind]);

    public static Task<ApiResult<NoContent>> SetFollowAsync(this SalonApiClient api, Guid topicId, bool on) =>
        api.SendAsync(on ? ConsultationsRoutes.Follow : ConsultationsRoutes.Unfollow, [topicId]);

    public static Task<ApiResult<NoContent>> SetBookmarkAsync(this SalonApiClient api, Guid topicId, bool on) =>
        api.SendAsync(on ? ConsultationsRoutes.Bookmark : ConsultationsRoutes.Unbookmark, [topicId]);

    public static Task<ApiResult<NoContent>> MarkReadAsync(this SalonApiClient api, Guid topicId) =>
        api.SendAsync(ConsultationsRoutes.MarkRead, [topicId]);

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
