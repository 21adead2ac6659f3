using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Views;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;

namespace Salon.Application.Consultations.ListBoardTopics;

/// <summary>GET /api/boards/{slug}/topics: newest activity first; <c>tag</c> filters by a tag's slug or
/// name; <c>unanswered</c> keeps topics nobody but the author has replied to; topics the viewer hid are left out.
/// One SQL statement (a second only for an empty page, to tell an empty board from a missing one).</summary>
public sealed record ListBoardTopicsQuery(Guid ViewerId, string BoardSlug, string? Tag, bool Unanswered, string? Cursor, int? Limit)
    : IQuery<Page<TopicSummaryDto>>;

public sealed class ListBoardTopicsQueryHandler(IConsultationsDb db, IMemberDirectory directory, TagCache tags)
    : IQueryHandler<ListBoardTopicsQuery, Page<TopicSummaryDto>>
{
    public async ValueTask<Page<TopicSummaryDto>> Handle(ListBoardTopicsQuery query, CancellationToken cancellationToken)
    {
        // The board is looked up inside the page query (one statement, one connection); only an empty page
        // asks whether the board exists at all.
        var slug = query.BoardSlug;
        var topics = ConsultationRules.ListedTopics(db, directory, query.ViewerId)
            .Where(t => t.BoardId == db.Boards.Where(b => b.Slug == slug).Select(b => b.Id).FirstOrDefault());
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim();
            topics = topics.Where(t => t.Tags.Any(tt => db.Tags.Any(x => x.Id == tt.TagId && (x.Slug == tag || x.Name == tag))));
        }

        if (query.Unanswered)
        {
            topics = topics.Where(t => t.OthersReplyCount == 0);
        }

        var page = await TopicSummaries.PageAsync(db, directory, tags, topics, slug, query.ViewerId, query.Cursor, query.Limit, cancellationToken);
        if (page.Items.Count == 0 && !await db.Boards.AnyAsync(b => b.Slug == slug, cancellationToken))
        {
            throw SalonException.NotFound(new LocalizedText("掲示板が見つかりませんでした。", "The board was not found."));
        }

        return page;
    }
}
