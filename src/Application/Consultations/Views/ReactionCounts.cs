using Microsoft.EntityFrameworkCore;
using Salon.Application.Consultations.Rules;
using Salon.Domain.Common;

namespace Salon.Application.Consultations.Views;

internal static class ReactionCounts
{
    public static async Task<ReactionCountsDto> ReadAsync(IConsultationsDb db, PostTarget post, CancellationToken cancellationToken) =>
        post.Kind == PostKind.Topic
            ? await db.Topics.AsNoTracking().Where(t => t.Id == post.PostId)
                .Select(t => new ReactionCountsDto(t.RelateCount, t.ThanksCount, t.SupportCount)).SingleAsync(cancellationToken)
            : await db.Replies.AsNoTracking().Where(r => r.Id == post.PostId)
                .Select(r => new ReactionCountsDto(r.RelateCount, r.ThanksCount, r.SupportCount)).SingleAsync(cancellationToken);
}
