namespace Salon.Application.Notifications;

/// <summary>One notice and the members it is for (<see cref="NoticeSender"/> delivers several of one act at once).</summary>
public sealed record NoticeDelivery(IReadOnlyCollection<Guid> MemberIds, Notice Notice);
