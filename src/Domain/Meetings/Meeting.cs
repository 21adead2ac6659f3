using Salon.Domain.Common;
using Salon.Domain.Meetings.Events;

namespace Salon.Domain.Meetings;

/// <summary>A 交流会: a small online or offline family meeting with a handful of seats. The meeting owns its
/// applications, so seat decisions (accept, waitlist, promote) are made in one place. Callers serialise
/// changes to one meeting by locking its row first (see <c>IMeetingsDb.LockAsync</c>).</summary>
public sealed class Meeting : Entity
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 5000;
    public const int PlaceMaxLength = 300;
    public const int FeeNoteMaxLength = 200;
    public const int MaxCapacity = 500;

    private readonly List<MeetingApplication> _applications = [];

    private Meeting()
    {
        Title = string.Empty;
        Description = string.Empty;
    }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public DateTime StartsAt { get; private set; }

    public DateTime EndsAt { get; private set; }

    public MeetingFormat Format { get; private set; }

    public string? JoinUrl { get; private set; }

    public string? Venue { get; private set; }

    public string? Area { get; private set; }

    public int Capacity { get; private set; }

    public FamilyPositions Eligibility { get; private set; }

    public DateTime ApplicationDeadline { get; private set; }

    public string? FeeNote { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? UpdatedAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>Bumped by every change to the meeting or its applications; the row lock that serialises them.</summary>
    public int Version { get; private set; }

    /// <summary>The calendar file's SEQUENCE (RFC 5545 §3.8.7.4): 0 when created, one more each time the event itself
    /// changes (what the file carries: title, description, times, format, place, cancellation), never for seats,
    /// applications, reminders or other settings.</summary>
    public int CalendarSequence { get; private set; }

    public IReadOnlyList<MeetingApplication> Applications => _applications;

    public bool IsCancelled => CancelledAt is not null;

    public MeetingDetails Details => new(Title, Description, StartsAt, EndsAt, Format, JoinUrl, Venue, Area, Capacity, Eligibility, ApplicationDeadline, FeeNote);

    public static Meeting Create(MeetingDetails details, Guid createdBy, DateTime now)
    {
        var meeting = new Meeting { Id = Guid.CreateVersion7(), CreatedBy = createdBy, CreatedAt = now };
        meeting.Apply(details);
        return meeting;
    }

    public bool IsOpenTo(FamilyPositions positions) => Eligibility == FamilyPositions.None || (Eligibility & positions) != 0;

    public int AcceptedCount => _applications.Count(a => a.Status == ApplicationStatus.Accepted);

    /// <summary>Changes what organisers set. A larger capacity promotes from the waitlist at once; a smaller one
    /// may not drop below the seats already given (nobody loses a seat they were promised).</summary>
    public void Edit(MeetingDetails details, DateTime now)
    {
        EnsureNotCancelled();
        if (details.Capacity < AcceptedCount)
        {
            throw MeetingErrors.CapacityBelowAccepted.Error(new LocalizedText(
                $"定員を、すでに参加が決まっている人数（{AcceptedCount}人）より少なくすることはできません。",
                $"The capacity cannot be lower than the {AcceptedCount} people already accepted."));
        }

        var moved = details.StartsAt != StartsAt;
        var before = Details;
        Apply(details);
        var practical = before.StartsAt != StartsAt || before.EndsAt != EndsAt || before.Format != Format
            || before.JoinUrl != JoinUrl || before.Venue != Venue || before.Area != Area;
        if (practical || before.Title != Title || before.Description != Description)
        {
            CalendarSequence++;
        }

        UpdatedAt = now;
        if (moved)
        {
            foreach (var application in _applications.Where(a => a.Status == ApplicationStatus.Accepted))
            {
                application.ResetReminders(now, StartsAt);
            }
        }

        PromoteWaitlisted(now);
        if (practical)
        {
            var applicants = _applications.Where(a => a.IsActive).Select(a => a.MemberId).ToList();
            if (applicants.Count > 0)
            {
                Raise(new MeetingChanged(Id, Title, applicants, now));
            }
        }
    }

    /// <summary>A member applies: a seat while any remain, otherwise the waitlist in arrival order.</summary>
    public MeetingApplication ApplyFor(Guid memberId, FamilyPositions positions, string? note, DateTime now)
    {
        if (IsCancelled)
        {
            throw MeetingErrors.Cancelled.Error();
        }

        if (now >= StartsAt)
        {
            throw MeetingErrors.Started.Error();
        }

        if (now > ApplicationDeadline)
        {
            throw MeetingErrors.ApplicationClosed.Error();
        }

        if (!IsOpenTo(positions))
        {
            throw MeetingErrors.NotEligible.Error();
        }

        var application = _applications.SingleOrDefault(a => a.MemberId == memberId);
        if (application is { IsActive: true })
        {
            throw MeetingErrors.AlreadyApplied.Error();
        }

        if (application is null)
        {
            application = MeetingApplication.Create(Id, memberId, note, now);
            _applications.Add(application);
        }
        else
        {
            application.Reapply(note, now);
        }

        var seat = AcceptedCount < Capacity && !_applications.Any(a => a.Status == ApplicationStatus.Waitlisted);
        if (seat)
        {
            application.Accept(now, StartsAt);
        }
        else
        {
            application.Waitlist();
        }

        Version++;
        Raise(new MeetingApplicationAnswered(Id, memberId, Title, seat, now));
        return application;
    }

    /// <summary>The member withdraws. A freed seat goes to the first on the waitlist (before the start only).
    /// Returns false when there was nothing to withdraw.</summary>
    public bool Withdraw(Guid memberId, DateTime now)
    {
        var application = _applications.SingleOrDefault(a => a.MemberId == memberId && a.IsActive);
        if (application is null)
        {
            return false;
        }

        application.Withdraw(now);
        Version++;
        if (!IsCancelled && now < StartsAt)
        {
            PromoteWaitlisted(now);
        }

        return true;
    }

    /// <summary>The member left Salon: their application goes (promoting the waitlist) and their note with it.</summary>
    public void ForgetMember(Guid memberId, DateTime now)
    {
        Withdraw(memberId, now);
        foreach (var application in _applications.Where(a => a.MemberId == memberId))
        {
            application.RemoveNote();
        }
    }

    public void Cancel(string? reason, DateTime now)
    {
        EnsureNotCancelled();
        CancelledAt = now;
        CancellationReason = reason;
        UpdatedAt = now;
        Version++;
        CalendarSequence++;
        var applicants = _applications.Where(a => a.IsActive).Select(a => a.MemberId).ToList();
        Raise(new MeetingCancelled(Id, Title, applicants, now));
    }

    /// <summary>Raises the reminders that are due for accepted applicants: 24 hours before and 1 hour before.
    /// Each is raised once; a late run sends only the nearest one (a 1-hour reminder makes the day-before one moot).</summary>
    public int RaiseDueReminders(DateTime now)
    {
        if (IsCancelled || now >= StartsAt)
        {
            return 0;
        }

        var raised = 0;
        foreach (var application in _applications.Where(a => a.Status == ApplicationStatus.Accepted))
        {
            if (now >= StartsAt.AddHours(-1) && application.HourReminderAt is null)
            {
                application.MarkHourReminder(now);
                application.MarkDayReminder(now);
                Raise(new MeetingReminderDue(Id, application.MemberId, Title, StartsAt, 1, now));
                raised++;
            }
            else if (now >= StartsAt.AddHours(-24) && application.DayReminderAt is null)
            {
                application.MarkDayReminder(now);
                Raise(new MeetingReminderDue(Id, application.MemberId, Title, StartsAt, 24, now));
                raised++;
            }
        }

        if (raised > 0)
        {
            Version++;
        }

        return raised;
    }

    /// <summary>The waitlist in serving order.</summary>
    public IEnumerable<MeetingApplication> Waitlist =>
        _applications.Where(a => a.Status == ApplicationStatus.Waitlisted).OrderBy(a => a.AppliedAt).ThenBy(a => a.Id);

    /// <summary>The 1-based place of an application in the waitlist, or null when it is not waitlisted.</summary>
    public int? WaitlistPositionOf(MeetingApplication? application) =>
        application is { Status: ApplicationStatus.Waitlisted } ? Waitlist.TakeWhile(a => a.Id != application.Id).Count() + 1 : null;

    private void PromoteWaitlisted(DateTime now)
    {
        if (IsCancelled || now >= StartsAt)
        {
            return;
        }

        foreach (var next in Waitlist.Take(Math.Max(0, Capacity - AcceptedCount)).ToList())
        {
            next.Accept(now, StartsAt);
            Raise(new MeetingApplicationPromoted(Id, next.MemberId, Title, now));
        }

        Version++;
    }

    private void EnsureNotCancelled()
    {
        if (IsCancelled)
        {
            throw MeetingErrors.Cancelled.Error();
        }
    }

    private void Apply(MeetingDetails details)
    {
        Title = details.Title.Trim();
        Description = details.Description.Trim();
        StartsAt = details.StartsAt;
        EndsAt = details.EndsAt;
        Format = details.Format;
        JoinUrl = Blank(details.JoinUrl);
        Venue = Blank(details.Venue);
        Area = Blank(details.Area);
        Capacity = details.Capacity;
        Eligibility = details.Eligibility;
        ApplicationDeadline = details.ApplicationDeadline;
        FeeNote = Blank(details.FeeNote);
        Version++;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
