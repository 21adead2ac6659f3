using Salon.Application.Consultations.Contracts;

namespace Salon.Application.Consultations;

public sealed class PostReactionsView(IConsultationsDb db) : IPostReactions
{
    public IQueryable<ReactionView> Reactions => db.Reactions.Select(r => new ReactionView
    {
        PostId = r.PostId,
        MemberId = r.MemberId,
        Kind = r.Kind,
        CreatedAt = r.CreatedAt,
    });
}
