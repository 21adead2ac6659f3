namespace Salon.Domain.Members.Events;

/// <summary>What a leaving member chose for what they wrote.</summary>
public enum ContentHandling
{
    /// <summary>Delete every post.</summary>
    Delete = 0,

    /// <summary>Keep the text under 「退会したメンバー」, unlinked from the account.</summary>
    Anonymize = 1,
}
