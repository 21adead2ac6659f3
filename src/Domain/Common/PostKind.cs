namespace Salon.Domain.Common;

/// <summary>A post is a topic (相談) or a reply. Shared vocabulary: moderation and notifications speak of posts too.</summary>
public enum PostKind
{
    Topic = 0,
    Reply = 1,
}
