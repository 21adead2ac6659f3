using System.Text.Json.Serialization;

namespace Salon.Application.Consultations;

/// <summary>How an author is shown. Anonymous posts show 「匿名さん」 and no id to anyone but their author;
/// posts kept after their author left show 「退会したメンバー」.</summary>
public sealed record AuthorDto
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? Id { get; init; }

    public string Nickname { get; init; } = string.Empty;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string[]? FamilyPositions { get; init; }

    public bool IsOfficial { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Anonymous { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Departed { get; init; }
}

public sealed record ReactionCountsDto(int Relate, int Thanks, int Support);

public sealed record TagDto(string Slug, string Name, string NameEn);

/// <summary>A topic in a list: an excerpt, not the whole body.</summary>
public sealed record TopicSummaryDto(
    Guid Id,
    string BoardSlug,
    string Title,
    string Excerpt,
    AuthorDto Author,
    bool IsMine,
    IReadOnlyList<string> Tags,
    bool RepliesWelcome,
    string? ContentWarning,
    bool IsClosed,
    string Status,
    DateTime CreatedAt,
    DateTime? EditedAt,
    DateTime LastActivityAt,
    int ReplyCount,
    ReactionCountsDto ReactionCounts,
    int? UnreadReplies);

public sealed record ReplyDto(
    Guid Id,
    string? Body,
    AuthorDto? Author,
    bool IsMine,
    string? ContentWarning,
    bool Deleted,
    string Status,
    DateTime CreatedAt,
    DateTime? EditedAt,
    ReactionCountsDto ReactionCounts,
    IReadOnlyList<string> MyReactions);

/// <summary>What creating a post returns: its id, and the crisis lines when the text looks like a crisis.</summary>
public sealed record PostCreatedDto(Guid Id, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Moderation.Contracts.SupportDto? Support = null);
