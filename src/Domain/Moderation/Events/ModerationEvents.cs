using Salon.Domain.Common;

namespace Salon.Domain.Moderation.Events;

/// <summary>A member should receive the caring notice with the crisis lines (never saying who reported).</summary>
public sealed record CaringNoticeDue(Guid MemberId, DateTime OccurredAt) : IDomainEvent;

/// <summary>A moderator warned an author about a post.</summary>
public sealed record MemberWarned(Guid MemberId, Guid? PostId, string? Note, DateTime OccurredAt) : IDomainEvent;

/// <summary>A post was hidden pending review (reports reached the threshold, or a moderator hid it). Its author is told why.</summary>
public sealed record PostHiddenForReview(Guid AuthorId, Guid PostId, Guid TopicId, bool ByModerator, DateTime OccurredAt) : IDomainEvent;

/// <summary>A hidden or held post is visible again.</summary>
public sealed record PostRestored(Guid AuthorId, Guid PostId, Guid TopicId, DateTime OccurredAt) : IDomainEvent;
