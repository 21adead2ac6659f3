using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;
using Salon.Application.Consultations.Views;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;

namespace Salon.Application.Consultations.SearchPosts;

/// <summary>GET /api/search?q=: topics and replies in Japanese (one character and up), newest first or
/// best match first (<c>sort=relevance</c>); only what the caller may see, each with a short snippet.</summary>
public sealed record SearchPostsQuery(Guid ViewerId, string Q, string? Sort, string? Cursor, int? Limit) : IQuery<Page<SearchResultDto>>;

public sealed class SearchPostsQueryValidator : AbstractValidator<SearchPostsQuery>
{
    public const int MaxQueryLength = 100;

    public SearchPostsQueryValidator()
    {
        RuleFor(q => q.Q).Must(q => !string.IsNullOrWhiteSpace(q) && q.Trim().Length <= MaxQueryLength)
            .WithMessage(_ => new LocalizedText($"検索語を1〜{MaxQueryLength}文字で入力してください。", $"Enter 1 to {MaxQueryLength} characters to search for.").Current);
        RuleFor(q => q.Sort).Must(s => s is null or "newest" or "relevance")
            .WithMessage(_ => new LocalizedText("sort は newest または relevance です。", "sort is newest or relevance.").Current);
    }
}

public sealed class SearchPostsQueryHandler(IConsultationsDb db, IMemberDirectory directory, IPostSearch search)
    : IQueryHandler<SearchPostsQuery, Page<SearchResultDto>>
{
    private const int SnippetRadius = 40;

    public async ValueTask<Page<SearchResultDto>> Handle(SearchPostsQuery query, CancellationToken cancellationToken)
    {
        var text = query.Q.Trim();
        var order = query.Sort == "relevance" ? SearchOrder.Relevance : SearchOrder.Newest;
        var size = PageLimits.Clamp(query.Limit);
        var found = await search.SearchAsync(text, query.ViewerId, order, DecodeCursor(query.Cursor), size + 1, cancellationToken);
        var matches = found.Matches;
        var page = matches.Take(size).ToList();

        var topicIds = page.Select(m => m.TopicId).Distinct().ToList();
        var replyIds = page.Where(m => m.IsReply).Select(m => m.PostId).ToList();
        var topics = await db.Topics.AsNoTracking()
            .Where(t => topicIds.Contains(t.Id))
            .Join(directory.Cards, t => t.AuthorId, m => m.Id, (t, m) => new { t.Id, t.Title, t.Body, t.IsAnonymous, t.AuthorDeparted, t.ContentWarning, Author = m })
            .ToDictionaryAsync(t => t.Id, cancellationToken);
        var replies = replyIds.Count == 0
            ? []
            : await db.Replies.AsNoTracking()
                .Where(r => replyIds.Contains(r.Id))
                .Join(directory.Cards, r => r.AuthorId, m => m.Id, (r, m) => new { r.Id, r.Body, r.IsAnonymous, r.AuthorDeparted, r.ContentWarning, Author = m })
                .ToDictionaryAsync(r => r.Id, cancellationToken);

        var items = new List<SearchResultDto>();
        foreach (var match in page)
        {
            if (!topics.TryGetValue(match.TopicId, out var topic))
            {
                continue;
            }

            if (match.IsReply && replies.TryGetValue(match.PostId, out var reply))
            {
                items.Add(new SearchResultDto(
                    "reply",
                    reply.Id,
                    topic.Id,
                    topic.Title,
                    Snippet(reply.Body, text),
                    ConsultationViews.Author(reply.Author, reply.IsAnonymous, reply.AuthorDeparted, query.ViewerId),
                    reply.ContentWarning,
                    match.CreatedAt));
            }
            else if (!match.IsReply)
            {
                items.Add(new SearchResultDto(
                    "topic",
                    topic.Id,
                    topic.Id,
                    topic.Title,
                    Snippet(topic.Body, text),
                    ConsultationViews.Author(topic.Author, topic.IsAnonymous, topic.AuthorDeparted, query.ViewerId),
                    topic.ContentWarning,
                    match.CreatedAt));
            }
        }

        // A search that stopped short of a full page (docs/adr/0037) goes on from where it stopped.
        var next = matches.Count > size ? EncodeCursor(page[^1]) : found.ResumeAfter is { } resume ? EncodeCursor(resume) : null;
        return new Page<SearchResultDto>(items, next);
    }

    /// <summary>About 80 characters around the first match (case-insensitive), with ellipses.</summary>
    internal static string Snippet(string body, string query)
    {
        var flat = body.ReplaceLineEndings(" ");
        var at = flat.IndexOf(query, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return ConsultationViews.Excerpt(flat);
        }

        var start = Math.Max(0, at - SnippetRadius);
        var end = Math.Min(flat.Length, at + query.Length + SnippetRadius);
        return (start > 0 ? "…" : string.Empty) + flat[start..end] + (end < flat.Length ? "…" : string.Empty);
    }

    private static string EncodeCursor(PostMatch match) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[]
        {
            match.PostId.ToString("N"),
            match.IsReply ? "1" : "0",
            match.TopicId.ToString("N"),
            match.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture),
            match.Rank.ToString("R", CultureInfo.InvariantCulture),
        }));

    private static readonly long EarliestCursorTicks = DateTime.UnixEpoch.Ticks;

    private static readonly long LatestCursorTicks = new DateTime(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private static PostMatch? DecodeCursor(string? cursor)
    {
        if (string.IsNullOrWhiteSpace(cursor))
        {
            return null;
        }

        try
        {
            var parts = JsonSerializer.Deserialize<string?[]>(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)));
            // A rank is a finite number: SQLite cannot bind NaN, and no search ranks a post at an infinity. A time is one a
            // post can have: Npgsql sends DateTime.MinValue and MaxValue as -infinity and infinity, which the search's
            // week arithmetic cannot take.
            if (parts is [{ } post, { } kind, { } topic, { } ticksText, { } rankText]
                && double.Parse(rankText, CultureInfo.InvariantCulture) is var rank && double.IsFinite(rank)
                && long.Parse(ticksText, CultureInfo.InvariantCulture) is var ticks && ticks >= EarliestCursorTicks && ticks < LatestCursorTicks)
            {
                return new PostMatch(
                    Guid.ParseExact(post, "N"),
                    kind == "1",
                    Guid.ParseExact(topic, "N"),
                    new DateTime(ticks, DateTimeKind.Utc),
                    rank);
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException or OverflowException or ArgumentException)
        {
        }

        throw CommonErrors.CursorInvalid.ForField("cursor");
    }
}
