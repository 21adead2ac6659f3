namespace Salon.Application.Notifications;

/// <summary>One notice and the members it is for (<see cref="NoticeSender"/> delivers several of one act at once).</summary>
public sealed record NoticeDelivery(IReadOnlyCollection<Guid> MemberIds, Notice Notice)
{
    /// <summary>More members it is for, chosen by a query of the caller's module (e.g. a topic's followers) that
    /// composes into the sender's own statement, so that choosing them costs no round trip of its own. At most one
    /// delivery of a <see cref="NoticeSender.DeliverAsync(IReadOnlyList{NoticeDelivery}, Guid?, bool, CancellationToken)"/> call may have one.</summary>
    public IQueryable<Guid>? MembersChosenBy { get; init; }
}
