using Salon.Application.Consultations.Contracts;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.ContractImplementations;

public sealed class PostReactionsView(IConsultationsDb db) : IPostReactions
{
    public IQueryable<ReactionView> Reactions => db.Reactions.Select(r => new ReactionView
    {
        PostId = r.PostId,
        MemberId = r.MemberId,
        KindName = r.Kind == ReactionKind.Relate ? "relate" : r.Kind == ReactionKind.Thanks ? "thanks" : "support",
        CreatedAt = r.CreatedAt,
    });
}
