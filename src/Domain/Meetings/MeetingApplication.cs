namespace Salon.Domain.Meetings;

/// <summary>One member's application to one meeting (one row per pair). The note is for the organisers
/// only, and is removed with the member's account.</summary>
public sealed class MeetingApplication
{
    public const int NoteMaxLength = 500;

    private MeetingApplication()
    {
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid MemberId { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public string? Note { get; private set; }

    /// <summary>Arrival time: the waitlist is served in this order (ties by id).</summary>
    public DateTime AppliedAt { get; private set; }

    /// <summary>When the member got a seat (at once or by promotion).</summary>
    public DateTime? AcceptedAt { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }

    /// <summary>When the 24-hour reminder was sent (or made unnecessary); null while due.</summary>
    public DateTime? DayReminderAt { get; private set; }

    /// <summary>When the 1-hour reminder was sent; null while due.</summary>
    public DateTime? HourReminderAt { get; private set; }

    public bool IsActive => Status != ApplicationStatus.Withdrawn;

    internal static MeetingApplication Create(Guid meetingId, Guid memberId, string? note, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        MeetingId = meetingId,
        MemberId = memberId,
        Status = ApplicationStatus.Withdrawn,
        Note = note,
        AppliedAt = now,
    };

    /// <summary>Applying again after withdrawing: back of the queue, with the new note.</summary>
    internal void Reapply(string? note, DateTime now)
    {
        Note = note;
        AppliedAt = now;
        AcceptedAt = null;
        WithdrawnAt = null;
        DayReminderAt = null;
        HourReminderAt = null;
    }

    internal void Accept(DateTime now, DateTime startsAt)
    {
        Status = ApplicationStatus.Accepted;
        AcceptedAt = now;

        // Accepted inside the last day: the acceptance itself is the day-before notice.
        if (now >= startsAt.AddHours(-24))
        {
            DayReminderAt = now;
        }
    }

    internal void Waitlist() => Status = ApplicationStatus.Waitlisted;

    internal void Withdraw(DateTime now)
    {
        Status = ApplicationStatus.Withdrawn;
        WithdrawnAt = now;
    }

    internal void RemoveNote() => Note = null;

    internal void MarkDayReminder(DateTime now) => DayReminderAt ??= now;

    internal void MarkHourReminder(DateTime now) => HourReminderAt ??= now;

    /// <summary>The meeting moved: reminders are due again relative to the new time.</summary>
    internal void ResetReminders(DateTime now, DateTime startsAt)
    {
        DayReminderAt = now >= startsAt.AddHours(-24) ? now : null;
        HourReminderAt = null;
    }
}
