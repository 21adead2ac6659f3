namespace Salon.Domain.Moderation;

/// <summary>One moderator or admin action: who, what, on what, when, and their note. Append-only:
/// nothing updates or deletes these rows.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = string.Empty;
        TargetType = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ActorId { get; private set; }

    public string Action { get; private set; }

    public string TargetType { get; private set; }

    public Guid? TargetId { get; private set; }

    public Guid? ItemId { get; private set; }

    public string? Note { get; private set; }

    public DateTime At { get; private set; }

    public static AuditEntry Record(Guid actorId, string action, string targetType, Guid? targetId, Guid? itemId, string? note, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        ActorId = actorId,
        Action = action,
        TargetType = targetType,
        TargetId = targetId,
        ItemId = itemId,
        Note = note,
        At = now,
    };
}
