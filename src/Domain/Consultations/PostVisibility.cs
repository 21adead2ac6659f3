namespace Salon.Domain.Consultations;

/// <summary>Whether others may see a post. Moderation hides or holds posts; their authors still see them.</summary>
public enum PostVisibility
{
    Visible = 0,

    /// <summary>Hidden by moderation (or by reports reaching the threshold) pending review.</summary>
    Hidden = 1,

    /// <summary>Held for review before anyone else sees it.</summary>
    Held = 2,
}
