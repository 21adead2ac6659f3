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
    public static readonly ApiRoute EditTopic = new("PATCH", "/api/topics/{id}");
    public static readonly ApiRoute DeleteTopic = new("DELETE", "/api/topics/{id}");
    public static readonly ApiRoute EditReply = new("PATCH", "/api/replies/{id}");
    public static readonly ApiRoute DeleteReply = new("DELETE", "/api/replies/{id}");
    public static readonly ApiRoute Hide = new("PUT", "/api/posts/{id}/hide");
    public static readonly ApiRoute Unhide = new("DELETE", "/api/posts/{id}/hide");
    public static readonly ApiRoute HiddenPosts = new("GET", "/api/me/hidden-posts");
}

public sealed record Board(string Slug, string Name, string Description, string Kind, IReadOnlyList<string> Audience, bool RepliesWelcomeByDefault, int TopicCount);

public sealed record Tag(string Slug, string Name);

/// <summary>An author as the API gives it: a nickname, or 「匿名さん」 with <see cref="Anonymous"/> and no id.</summary>
public sealed record Author(Guid? Id, string Nickname, IReadOnlyList<string>? FamilyPositions, bool IsOfficial, bool Anonymous, bool Departed);

public sealed record ReactionCounts(int Relate, int Thanks, int Support);

/// <summary>A topic in a list. <see cref="UnreadReplies"/>: null without a read mark; the API counts up to 100 (shown 99+).</summary>
public sealed record TopicSummary(
    Guid Id, string BoardSlug, string Title, string Excerpt, Author Author, bool IsMine, IReadOnlyList<string> Tags,
    bool RepliesWelcome, string? ContentWarning, bool IsClosed, string Status, DateTime CreatedAt, DateTime LastActivityAt,
    int ReplyCount, ReactionCounts ReactionCounts, int? UnreadReplies);

/// <summary>A post's <c>status</c> as the API gives it: "published", or "under_review" (held or hidden by
/// moderation; only its author and staff see it).</summary>
public static class PostStatus
{
    public const string UnderReview = "under_review";
}

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

/// <summary>PATCH /api/topics/{id}: only what changed is sent (null leaves a field as it is, so closing a topic does
/// not mark its text 「編集済み」); an empty content warning removes it. The API answers the topic.</summary>
public sealed record TopicChanges(string? Title, string? Body, IReadOnlyList<string>? Tags, string? ContentWarning, bool? RepliesWelcome, bool? IsClosed);

/// <summary>PATCH /api/replies/{id}. An empty content warning removes it.</summary>
public sealed record ReplyChanges(string Body, string ContentWarning);

/// <summary>A post the member hid from their own view (GET /api/me/hidden-posts); <see cref="Kind"/> is "topic" or "reply".</summary>
public sealed record HiddenPost(Guid PostId, string Kind, Guid TopicId, string TopicTitle, string Excerpt, DateTime HiddenAt);

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

    public static Task<ApiResult<TopicDetail>> EditTopicAsync(this SalonApiClient api, Guid topicId, TopicChanges changes) =>
        api.SendAsync<TopicDetail>(ConsultationsRoutes.EditTopic, [topicId], changes);

    public static Task<ApiResult<NoContent>> DeleteTopicAsync(this SalonApiClient api, Guid topicId) =>
        api.SendAsync(ConsultationsRoutes.DeleteTopic, [topicId]);

    public static Task<ApiResult<NoContent>> EditReplyAsync(this SalonApiClient api, Guid replyId, ReplyChanges changes) =>
        api.SendAsync(ConsultationsRoutes.EditReply, [replyId], changes);

    public static Task<ApiResult<NoContent>> DeleteReplyAsync(this SalonApiClient api, Guid replyId) =>
        api.SendAsync(ConsultationsRoutes.DeleteReply, [replyId]);

    public static Task<ApiResult<NoContent>> SetHiddenAsync(this SalonApiClient api, Guid postId, bool hidden) =>
        api.SendAsync(hidden ? ConsultationsRoutes.Hide : ConsultationsRoutes.Unhide, [postId]);

    public static Task<ApiResult<Page<HiddenPost>>> HiddenPostsAsync(this SalonApiClient api, string? cursor) =>
        api.GetAsync<Page<HiddenPost>>(ConsultationsRoutes.HiddenPosts, query: [new("cursor", cursor)]);

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
