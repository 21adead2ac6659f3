namespace Salon.Application.Consultations.Rules;

/// <summary>Settings under <c>PostingLimits</c>: a brake on spam and on accounts made to hurt, gentle
/// enough for a family member writing for the first time.</summary>
public sealed class PostingLimitsOptions
{
    public const string Section = "PostingLimits";

    /// <summary>How long a member counts as new.</summary>
    public TimeSpan NewMemberPeriod { get; set; } = TimeSpan.FromHours(24);

    public int NewMemberMaxTopics { get; set; } = 3;

    public int NewMemberMaxReplies { get; set; } = 10;

    /// <summary>For everybody, between two posts.</summary>
    public int MinSecondsBetweenPosts { get; set; } = 30;
}
