namespace Salon.Domain.Moderation;

public enum ModerationItemKind
{
    /// <summary>The text looks like a crisis (suicide, self-harm, violence).</summary>
    Crisis = 0,

    /// <summary>Members reported the post.</summary>
    Report = 1,

    /// <summary>The post is held for review before anyone else sees it.</summary>
    Held = 2,

    /// <summary>A watched word flagged the post.</summary>
    WatchedWord = 3,

    /// <summary>A consultation has had no reply for 24 hours: nobody should be left alone.</summary>
    NeedsReply = 4,

    /// <summary>A member reported being worried about another member.</summary>
    WorriedAboutMember = 5,
}
