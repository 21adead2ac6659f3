namespace Salon.Domain.Beta.Events;

/// <summary>Stands in for Members' MemberDeleted: the placement rule goes by the event's name.</summary>
public sealed record MemberDeleted(Guid MemberId);
