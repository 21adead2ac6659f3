using System.Text.Json.Serialization;

namespace Salon.Application.Consultations.Views;

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
