using Salon.Domain.Common;

namespace Salon.Domain.Consultations;

/// <summary>A place where consultations (相談) are posted.</summary>
public sealed class Board
{
    private Board()
    {
        Slug = string.Empty;
        Name = string.Empty;
        NameEn = string.Empty;
        Description = string.Empty;
        DescriptionEn = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Slug { get; private set; }

    public string Name { get; private set; }

    public string NameEn { get; private set; }

    public string Description { get; private set; }

    public string DescriptionEn { get; private set; }

    public BoardKind Kind { get; private set; }

    /// <summary>Who may post; <see cref="FamilyPositions.None"/> means everybody.</summary>
    public FamilyPositions Audience { get; private set; }

    /// <summary>False for ひとりごと boards, where topics default to "no replies, please".</summary>
    public bool RepliesWelcomeByDefault { get; private set; }

    public int SortOrder { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Board Create(
        string slug,
        string name,
        string nameEn,
        string description,
        string descriptionEn,
        BoardKind kind,
        FamilyPositions audience,
        bool repliesWelcomeByDefault,
        int sortOrder,
        DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Slug = slug,
        Name = name,
        NameEn = nameEn,
        Description = description,
        DescriptionEn = descriptionEn,
        Kind = kind,
        Audience = audience,
        RepliesWelcomeByDefault = repliesWelcomeByDefault,
        SortOrder = sortOrder,
        CreatedAt = now,
    };

    public bool IsOpenTo(FamilyPositions positions) => Audience == FamilyPositions.None || (Audience & positions) != 0;
}
