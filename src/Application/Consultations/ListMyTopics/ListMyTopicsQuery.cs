using Mediator;
using Salon.Application.Common.Paging;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Views;
using Salon.Application.Members.Contracts;

namespace Salon.Application.Consultations.ListMyTopics;

/// <summary>GET /api/me/topics: the member's own topics (including ones under review), newest activity first.</summary>
public sealed record ListMyTopicsQuery(Guid MemberId, string? Cursor, int? Limit) : IQuery<Page<TopicSummaryDto>>;

public sealed class ListMyTopicsQueryHandler(IConsultationsDb db, IMemberDirectory directory, TagCache tags) : IQueryHandler<ListMyTopicsQuery, Page<TopicSummaryDto>>
{
    public async ValueTask<Page<TopicSummaryDto>> Handle(ListMyTopicsQuery query, CancellationToken cancellationToken)
    {
        var topics = ConsultationRules.VisibleTopics(db, directory, query.MemberId).Where(t => t.AuthorId == query.MemberId);
        return await TopicSummaries.PageAsync(db, directory, tags, topics, null, query.MemberId, query.Cursor, query.Limit, cancellationToken);
    }
}
