using Mediator;
using Salon.Application.Consultations.BookmarkTopic;
using Salon.Application.Consultations.CreateTopic;
using Salon.Application.Consultations.DeleteReply;
using Salon.Application.Consultations.DeleteTopic;
using Salon.Application.Consultations.EditReply;
using Salon.Application.Consultations.EditTopic;
using Salon.Application.Consultations.FollowTopic;
using Salon.Application.Consultations.GetTopic;
using Salon.Application.Consultations.HidePost;
using Salon.Application.Consultations.ListBoards;
using Salon.Application.Consultations.ListBoardTopics;
using Salon.Application.Consultations.ListBookmarks;
using Salon.Application.Consultations.ListHiddenPosts;
using Salon.Application.Consultations.ListMyReplies;
using Salon.Application.Consultations.ListMyTopics;
using Salon.Application.Consultations.ListTags;
using Salon.Application.Consultations.MarkTopicRead;
using Salon.Application.Consultations.PostReply;
using Salon.Application.Consultations.React;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.SearchPosts;
using Salon.Application.Consultations.UnbookmarkTopic;
using Salon.Application.Consultations.UnfollowTopic;
using Salon.Application.Consultations.UnhidePost;
using Salon.Application.Consultations.Unreact;
using Salon.Infrastructure.Consultations;
using Salon.WebApi.Common;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Salon.WebApi.Consultations;

/// <summary>Consultations (boards, topics, replies, reactions, follows, bookmarks, search; README "Consultations: a second tour"). Each route sends one message; the message's folder
/// under src/Application/Consultations is named after it.</summary>
internal sealed class ConsultationsWebModule : ISalonModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddConsultationsModule(configuration);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Consultations").RequireAuthorization();

        api.MapGet("/boards", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListBoardsQuery(), ct)))
            .WithName("ListBoards").WithSummary("掲示板の一覧 / List the boards")
            .ProducesProblems(Status401Unauthorized);

        api.MapGet("/tags", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListTagsQuery(), ct)))
            .WithName("ListTags").WithSummary("タグの一覧 / List the tags")
            .ProducesProblems(Status401Unauthorized);

        api.MapGet("/boards/{slug}/topics", async (string slug, string? tag, bool? unanswered, string? cursor, int? limit, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListBoardTopicsQuery(me.RequiredId, slug, tag, unanswered ?? false, cursor, limit), ct)))
            .WithName("ListBoardTopics").WithSummary("掲示板の相談の一覧 / List a board's topics")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status404NotFound);

        api.MapPost("/topics", async (CreateTopicRequest body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(
                    new CreateTopicCommand(me.RequiredId, body.BoardSlug, body.Title, body.Body, body.Tags, body.Anonymous, body.RepliesWelcome, body.ContentWarning),
                    ct);
                return TypedResults.Created($"/api/topics/{created.Id}", created);
            })
            .WithName("CreateTopic").WithSummary("相談を投稿する / Post a topic")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound)
            .RequireRateLimiting(RateLimits.Writes);

        api.MapGet("/topics/{id:guid}", async (Guid id, string? cursor, int? limit, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetTopicQuery(me.RequiredId, id, cursor, limit, me.IsModerator), ct)))
            .WithName("GetTopic").WithSummary("相談と返信を読む / Read a topic and its replies")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status404NotFound);

        api.MapPatch("/topics/{id:guid}", async (Guid id, EditTopicRequest body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new EditTopicCommand(Actor(me), id, body.Title, body.Body, body.Tags, body.ContentWarning, body.RepliesWelcome, body.IsClosed), ct);
                return TypedResults.Ok(await mediator.Send(new GetTopicQuery(me.RequiredId, id, null, null, me.IsModerator), ct));
            })
            .WithName("EditTopic").WithSummary("相談を編集する / Edit a topic")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound)
            .RequireRateLimiting(RateLimits.Writes);

        api.MapDelete("/topics/{id:guid}", async (Guid id, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteTopicCommand(Actor(me), id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteTopic").WithSummary("相談を削除する / Delete a topic")
            .ProducesProblems(Status401Unauthorized, Status403Forbidden, Status404NotFound)
            .RequireRateLimiting(RateLimits.Writes);

        api.MapPost("/topics/{id:guid}/replies", async (Guid id, PostReplyRequest body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new PostReplyCommand(me.RequiredId, id, body.Body, body.Anonymous, body.ContentWarning), ct);
                return TypedResults.Created($"/api/topics/{id}", created);
            })
            .WithName("PostReply").WithSummary("返信する / Reply to a topic")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound, Status409Conflict)
            .RequireRateLimiting(RateLimits.Writes);

        api.MapPatch("/replies/{id:guid}", async (Guid id, EditReplyRequest body, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new EditReplyCommand(Actor(me), id, body.Body, body.ContentWarning), ct);
                return TypedResults.NoContent();
            })
            .WithName("EditReply").WithSummary("返信を編集する / Edit a reply")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound)
            .RequireRateLimiting(RateLimits.Writes);

        api.MapDelete("/replies/{id:guid}", async (Guid id, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteReplyCommand(Actor(me), id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteReply").WithSummary("返信を削除する / Delete a reply")
            .ProducesProblems(Status401Unauthorized, Status403Forbidden, Status404NotFound)
            .RequireRateLimiting(RateLimits.Writes);

        api.MapPut("/posts/{id:guid}/reactions/{kind}", async (Guid id, string kind, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReactCommand(me.RequiredId, id, kind), ct)))
            .WithName("React").WithSummary("共感を送る / Add an empathy reaction")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound)
            .RequireRateLimiting(RateLimits.Writes);

        api.MapDelete("/posts/{id:guid}/reactions/{kind}", async (Guid id, string kind, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UnreactCommand(me.RequiredId, id, kind), ct)))
            .WithName("Unreact").WithSummary("共感を取り消す / Remove an empathy reaction")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status404NotFound)
            .RequireRateLimiting(RateLimits.Writes);

        api.MapPut("/topics/{id:guid}/follow", async (Guid id, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new FollowTopicCommand(me.RequiredId, id), ct);
                return TypedResults.NoContent();
            })
            .WithName("FollowTopic").WithSummary("相談をフォローする / Follow a topic")
            .ProducesProblems(Status401Unauthorized, Status404NotFound);

        api.MapDelete("/topics/{id:guid}/follow", async (Guid id, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UnfollowTopicCommand(me.RequiredId, id), ct);
                return TypedResults.NoContent();
            })
            .WithName("UnfollowTopic").WithSummary("フォローをやめる / Unfollow a topic")
            .ProducesProblems(Status401Unauthorized);

        api.MapPut("/topics/{id:guid}/bookmark", async (Guid id, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new BookmarkTopicCommand(me.RequiredId, id), ct);
                return TypedResults.NoContent();
            })
            .WithName("BookmarkTopic").WithSummary("相談をブックマークする / Bookmark a topic")
            .ProducesProblems(Status401Unauthorized, Status404NotFound);

        api.MapDelete("/topics/{id:guid}/bookmark", async (Guid id, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UnbookmarkTopicCommand(me.RequiredId, id), ct);
                return TypedResults.NoContent();
            })
            .WithName("UnbookmarkTopic").WithSummary("ブックマークを外す / Remove a bookmark")
            .ProducesProblems(Status401Unauthorized);

        api.MapPut("/topics/{id:guid}/read", async (Guid id, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new MarkTopicReadCommand(me.RequiredId, id), ct);
                return TypedResults.NoContent();
            })
            .WithName("MarkTopicRead").WithSummary("相談を既読にする / Mark a topic read")
            .ProducesProblems(Status401Unauthorized, Status404NotFound);

        api.MapGet("/me/bookmarks", async (string? cursor, int? limit, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListBookmarksQuery(me.RequiredId, cursor, limit), ct)))
            .WithName("ListBookmarks").WithSummary("ブックマークの一覧 / List my bookmarks")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized);

        api.MapGet("/me/topics", async (string? cursor, int? limit, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListMyTopicsQuery(me.RequiredId, cursor, limit), ct)))
            .WithName("ListMyTopics").WithSummary("自分の相談の一覧 / List my topics")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized);

        api.MapGet("/me/replies", async (string? cursor, int? limit, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListMyRepliesQuery(me.RequiredId, cursor, limit), ct)))
            .WithName("ListMyReplies").WithSummary("自分の返信の一覧 / List my replies")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized);

        api.MapGet("/search", async (string? q, string? sort, string? cursor, int? limit, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SearchPostsQuery(me.RequiredId, q ?? string.Empty, sort, cursor, limit), ct)))
            .WithName("SearchPosts").WithSummary("相談と返信を検索する / Search topics and replies")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized);

        MapHiddenPosts(api);
    }

    /// <summary>"Hide this post" for the caller only, whoever wrote it (ADR 0016).</summary>
    private static void MapHiddenPosts(RouteGroupBuilder api)
    {
        api.MapPut("/posts/{id:guid}/hide", async (Guid id, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new HidePostCommand(me.RequiredId, id), ct);
                return TypedResults.NoContent();
            })
            .WithName("HidePost").WithSummary("投稿を自分の画面から隠す / Hide a post from my view")
            .ProducesProblems(Status401Unauthorized, Status404NotFound, Status422UnprocessableEntity);

        api.MapDelete("/posts/{id:guid}/hide", async (Guid id, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UnhidePostCommand(me.RequiredId, id), ct);
                return TypedResults.NoContent();
            })
            .WithName("UnhidePost").WithSummary("隠した投稿を戻す / Show a hidden post again")
            .ProducesProblems(Status401Unauthorized);

        api.MapGet("/me/hidden-posts", async (string? cursor, int? limit, HttpCurrentMember me, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListHiddenPostsQuery(me.RequiredId, cursor, limit), ct)))
            .WithName("ListHiddenPosts").WithSummary("隠した投稿の一覧 / List the posts I hid")
            .ProducesProblems(Status400BadRequest, Status401Unauthorized);
    }

    private static Actor Actor(HttpCurrentMember me) => new(me.RequiredId, me.IsModerator);
}
