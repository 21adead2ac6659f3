namespace Salon.Domain.Common;

/// <summary>The names Salon shows in place of an author. Shared kernel (ADR 0026): Consultations shows them on
/// anonymous posts and on content kept after its author left, and Members reserves them so no member can take one
/// and gives a departed member the second.</summary>
public static class AuthorNames
{
    /// <summary>Shown for anonymous posts.</summary>
    public const string Anonymous = "匿名さん";

    /// <summary>Shown for content kept after its author left.</summary>
    public const string Departed = "退会したメンバー";
}
