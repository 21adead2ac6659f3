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

/// <summary>Empathy, never judgement: there are no negative reactions and no scores.</summary>
public enum ReactionKind
{
    /// <summary>わかる</summary>
    Relate = 0,

    /// <summary>ありがとう</summary>
    Thanks = 1,

    /// <summary>応援</summary>
    Support = 2,
}

public static class ReactionKindNames
{
    public static string ToName(ReactionKind kind) => kind switch
    {
        ReactionKind.Relate => "relate",
        ReactionKind.Thanks => "thanks",
        _ => "support",
    };

    public static ReactionKind? Parse(string? name) => name switch
    {
        "relate" => ReactionKind.Relate,
        "thanks" => ReactionKind.Thanks,
        "support" => ReactionKind.Support,
        _ => null,
    };
}
