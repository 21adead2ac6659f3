using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Statistics;
using Salon.Application.Consultations.Contracts;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.Statistics;

public sealed class ConsultationStatistics(IConsultationsDb db) : IConsultationStatistics
{
    public Task<IReadOnlyList<MonthCount>> TopicsPerMonthAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        db.Topics.AsNoTracking()
            .Where(t => t.CreatedAt >= fromUtc && t.CreatedAt < toUtc && t.DeletedAt == null)
            .Select(t => t.CreatedAt)
            .PerTokyoMonthAsync(cancellationToken);

    public Task<IReadOnlyList<MonthCount>> RepliesPerMonthAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        db.Replies.AsNoTracking()
            .Where(r => r.CreatedAt >= fromUtc && r.CreatedAt < toUtc && r.DeletedAt == null)
            .Select(r => r.CreatedAt)
            .PerTokyoMonthAsync(cancellationToken);

    public Task<int> ActiveMembersAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        db.Topics.AsNoTracking()
            .Where(t => t.CreatedAt >= fromUtc && t.CreatedAt < toUtc)
            .Select(t => t.AuthorId)
            .Union(db.Replies.Where(r => r.CreatedAt >= fromUtc && r.CreatedAt < toUtc).Select(r => r.AuthorId))
            .CountAsync(cancellationToken);

    public async Task<FirstReplyFigures> FirstRepliesAsync(DateTime fromUtc, DateTime toUtc, DateTime nowUtc, CancellationToken cancellationToken)
    {
        // Replies by someone other than the author that the author could see (held replies are not yet).
        var answers = db.Replies.Where(r => r.DeletedAt == null && r.Visibility != PostVisibility.Held);
        var consultations = db.Topics.AsNoTracking()
            .Where(t => t.CreatedAt >= fromUtc && t.CreatedAt < toUtc && t.DeletedAt == null && t.RepliesWelcome);

        var dayAgo = nowUtc.AddHours(-24);
        var decided = consultations.Where(t => t.CreatedAt <= dayAgo);
        var total = await decided.CountAsync(cancellationToken);
        var within = await decided
            .CountAsync(t => answers.Any(r => r.TopicId == t.Id && r.AuthorId != t.AuthorId && r.CreatedAt <= t.CreatedAt.AddHours(24)), cancellationToken);

        var (answered, median) = await consultations
            .Select(t => new
            {
                t.CreatedAt,
                FirstReplyAt = answers.Where(r => r.TopicId == t.Id && r.AuthorId != t.AuthorId).Min(r => (DateTime?)r.CreatedAt),
            })
            .Where(x => x.FirstReplyAt != null)
            .Select(x => (StatisticsFunctions.DayNumber(x.FirstReplyAt!.Value) - StatisticsFunctions.DayNumber(x.CreatedAt)) * 24)
            .MedianAsync(cancellationToken);
        return new FirstReplyFigures(total, within, answered, median);
    }
}
