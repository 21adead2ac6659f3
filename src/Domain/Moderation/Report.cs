namespace Salon.Domain.Moderation;

public enum ReportReason
{
    Spam = 0,
    Harassment = 1,
    PersonalInfo = 2,
    MedicalMisinformation = 3,
    WorriedAboutMember = 4,
    Other = 5,
}

public static class ReportReasonNames
{
    private static readonly (ReportReason Reason, string Name)[] Table =
    [
        (ReportReason.Spam, "spam"),
        (ReportReason.Harassment, "harassment"),
        (ReportReason.PersonalInfo, "personal_info"),
        (ReportReason.MedicalMisinformation, "medical_misinformation"),
        (ReportReason.WorriedAboutMember, "worried_about_member"),
        (ReportReason.Other, "other"),
    ];

    public static ReportReason? Parse(string? name) => Table.Where(t => t.Name == name).Select(t => (ReportReason?)t.Reason).FirstOrDefault();

    public static string ToName(ReportReason reason) => Table.First(t => t.Reason == reason).Name;
}

/// <summary>One member's report of one post. A member reports a post at most once.</summary>
public sealed class Report
{
    private Report()
    {
    }

    public Guid Id { get; private set; }

    public Guid PostId { get; private set; }

    public Guid ReporterId { get; private set; }

    public ReportReason Reason { get; private set; }

    /// <summary>The reporter's note, for moderators only.</summary>
    public string? Note { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Report File(Guid postId, Guid reporterId, ReportReason reason, string? note, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        PostId = postId,
        ReporterId = reporterId,
        Reason = reason,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        CreatedAt = now,
    };
}

/// <summary>A caring notice sent to a member someone was worried about; at most one a day.</summary>
public sealed class CaringNotice(Guid memberId, DateTime sentAt)
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid MemberId { get; private set; } = memberId;

    public DateTime SentAt { get; private set; } = sentAt;
}
