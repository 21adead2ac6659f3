using Salon.Domain.Common;

namespace Salon.Application.Notifications.Contracts;

/// <summary>A member whose digest is being written. <paramref name="Since"/> is where their news starts
/// (the latest of their last visit, their last digest and 30 days ago). <paramref name="DigestKinds"/> are the
/// notification kinds whose e-mail they chose to receive in the digest (e.g. <c>reply_in_followed_topic</c>,
/// <c>meetings</c>); a section about one of those kinds leaves out readers who did not choose it.</summary>
public sealed record DigestReader(Guid MemberId, FamilyPositions FamilyPositions, DateTime Since, IReadOnlySet<string> DigestKinds);
