using System.Linq.Expressions;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.Views;

/// <summary>The one place that decides how authors and statuses appear to a viewer.</summary>
internal static class ConsultationViews
{
    public const int ExcerptLength = 120;

    /// <summary>Between the tag slugs of a post read as one column (<c>group_concat</c> on SQLite, <c>string_agg</c> on
    /// PostgreSQL). Slugs are reference data written by the start-up seeder, in lower-case ASCII letters and hyphens.</summary>
    public const string TagSeparator = ",";

    public static AuthorDto Author(MemberCard card, bool anonymous, bool departed, Guid viewerId)
    {
        // Anonymous first: an anonymous post looks the same before and after its author leaves, or the departure would
        // name the author of every anonymous post that changed at that moment (AuthorshipAnonymityTests).
        if (anonymous && card.Id != viewerId)
        {
            return new AuthorDto { Nickname = AuthorNames.Anonymous, Anonymous = true };
        }

        if (departed || card.IsDeleted)
        {
            return new AuthorDto { Nickname = AuthorNames.Departed, Departed = true };
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

    /// <summary>A post's tag slugs from the column the page query reads (null when it has none), in the tags' display
    /// order (GET /api/tags); a slug not (yet) in that list comes last.</summary>
    public static IReadOnlyList<string> Tags(string? joined, IReadOnlyList<TagDto> displayOrder)
    {
        if (string.IsNullOrEmpty(joined))
        {
            return [];
        }

        var slugs = joined.Split(TagSeparator);
        if (slugs.Length > 1)
        {
            slugs = slugs.OrderBy(slug => Rank(slug, displayOrder)).ThenBy(slug => slug, StringComparer.Ordinal).ToArray();
        }

        return slugs;
    }

    private static int Rank(string slug, IReadOnlyList<TagDto> displayOrder)
    {
        for (var i = 0; i < displayOrder.Count; i++)
        {
            if (displayOrder[i].Slug == slug)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    public static string[] ReactionNames(IEnumerable<ReactionKind> kinds) =>
        kinds.Order().Select(ReactionKindNames.ToName).ToArray();

    /// <summary>A reaction kind's bit, as SQL (a CASE): the viewer's reactions to a post are read as the sum of their
    /// bits, one column of the row, not a collection that multiplies the rows (ReplyPages, GetTopicQuery). A test checks
    /// that every kind has a bit of its own.</summary>
    public static readonly Expression<Func<ReactionKind, int>> ReactionBit =
        kind => kind == ReactionKind.Relate ? 1 : kind == ReactionKind.Thanks ? 2 : 4;

    private static readonly Func<ReactionKind, int> ReactionBitOf = ReactionBit.Compile(preferInterpretation: true);

    /// <summary>The viewer's reactions to a post from that sum.</summary>
    public static string[] ReactionNames(int bits) =>
        ReactionNames(Enum.GetValues<ReactionKind>().Where(kind => (bits & ReactionBitOf(kind)) != 0));
}
