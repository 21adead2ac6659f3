using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.Views;

/// <summary>The one place that decides how authors and statuses appear to a viewer.</summary>
internal static class ConsultationViews
{
    public const int ExcerptLength = 120;

    public static AuthorDto Author(MemberCard card, bool anonymous, bool departed, Guid viewerId)
    {
        if (departed || card.IsDeleted)
        {
            return new AuthorDto { Nickname = AuthorNames.Departed, Departed = true };
        }

        if (anonymous && card.Id != viewerId)
        {
            return new AuthorDto { Nickname = AuthorNames.Anonymous, Anonymous = true };
        }

        return new AuthorDto
        {
            Id = card.Id,
            Nickname = card.Nickname,
            FamilyPositions = FamilyPositionNames.ToNames(card.FamilyPositions),
            IsOfficial = card.IsOfficial,
            Anonymous = anonymous,
        };
    }

    /// <summary>"published", or for the author of a post others cannot see, "under_review".</summary>
    public static string Status(PostVisibility visibility) => visibility == PostVisibility.Visible ? "published" : "under_review";

    public static string Excerpt(string body) =>
        body.Length <= ExcerptLength ? body : string.Concat(body.AsSpan(0, ExcerptLength), "…");

    public static string[] ReactionNames(IEnumerable<ReactionKind> kinds) =>
        kinds.Order().Select(ReactionKindNames.ToName).ToArray();
}
