using Salon.Domain.Common;
using Salon.Domain.Meetings;
using Salon.Domain.Meetings.Events;

namespace Salon.UnitTests.Domain;

/// <summary>The seat rules a meeting enforces on its own: capacity, the waitlist in arrival order, promotion, the
/// deadline and the start, eligibility, cancellation.</summary>
public sealed class MeetingTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime StartsAt = Now.AddDays(7);

    private static MeetingDetails Details(int capacity = 2, FamilyPositions eligibility = FamilyPositions.None, DateTime? deadline = null) => new(
        "オンライン家族会", "説明", StartsAt, StartsAt.AddHours(2), MeetingFormat.Online, "https://meet.example/x", null, null,
        capacity, eligibility, deadline ?? StartsAt, null);

    private static Meeting NewMeeting(int capacity = 2, FamilyPositions eligibility = FamilyPositions.None, DateTime? deadline = null) =>
        Meeting.Create(Details(capacity, eligibility, deadline), Guid.NewGuid(), Now);

    private static SalonException Refused(Action action, string code, ErrorKind kind)
    {
        var ex = Assert.Throws<SalonException>(action);
        Assert.Equal(code, ex.Code);
        Assert.Equal(kind, ex.Kind);
        return ex;
    }

    [Fact]
    public void Seats_go_in_arrival_order_then_the_waitlist()
    {
        var meeting = NewMeeting(capacity: 2);

        var first = meeting.ApplyFor(Guid.NewGuid(), FamilyPositions.Parent, null, Now);
        var second = meeting.ApplyFor(Guid.NewGuid(), FamilyPositions.Parent, null, Now.AddMinutes(1));
        var third = meeting.ApplyFor(Guid.NewGuid(), FamilyPositions.Parent, null, Now.AddMinutes(2));
        var fourth = meeting.ApplyFor(Guid.NewGuid(), FamilyPositions.Parent, null, Now.AddMinutes(3));

        Assert.Equal([ApplicationStatus.Accepted, ApplicationStatus.Accepted, ApplicationStatus.Waitlisted, ApplicationStatus.Waitlisted],
            new[] { first, second, third, fourth }.Select(a => a.Status));
        Assert.Equal(2, meeting.AcceptedCount);
        Assert.Null(meeting.WaitlistPositionOf(first));
        Assert.Equal(1, meeting.WaitlistPositionOf(third));
        Assert.Equal(2, meeting.WaitlistPositionOf(fourth));
        Assert.Equal([true, true, false, false], meeting.DomainEvents.OfType<MeetingApplicationAnswered>().Select(e => e.Accepted));
    }

    [Fact]
    public void A_withdrawn_seat_goes_to_the_first_on_the_waitlist()
    {
        var meeting = NewMeeting(capacity: 1);
        var seated = Guid.NewGuid();
        var waiting = Guid.NewGuid();
        var later = Guid.NewGuid();
        meeting.ApplyFor(seated, FamilyPositions.Parent, null, Now);
        var waitingApplication = meeting.ApplyFor(waiting, FamilyPositions.Parent, null, Now.AddMinutes(1));
        var laterApplication = meeting.ApplyFor(later, FamilyPositions.Parent, null, Now.AddMinutes(2));
        meeting.ClearDomainEvents();

        Assert.True(meeting.Withdraw(seated, Now.AddDays(1)));

        Assert.Equal(ApplicationStatus.Accepted, waitingApplication.Status);
        Assert.Equal(ApplicationStatus.Waitlisted, laterApplication.Status);
        Assert.Equal(1, meeting.WaitlistPositionOf(laterApplication));
        Assert.Equal(waiting, Assert.Single(meeting.DomainEvents.OfType<MeetingApplicationPromoted>()).MemberId);
        Assert.False(meeting.Withdraw(seated, Now.AddDays(1)));
    }

    [Fact]
    public void Nobody_is_promoted_once_the_meeting_has_started()
    {
        var meeting = NewMeeting(capacity: 1);
        var seated = Guid.NewGuid();
        meeting.ApplyFor(seated, FamilyPositions.Parent, null, Now);
        var waiting = meeting.ApplyFor(Guid.NewGuid(), FamilyPositions.Parent, null, Now);

        meeting.Withdraw(seated, StartsAt.AddMinutes(5));

        Assert.Equal(ApplicationStatus.Waitlisted, waiting.Status);
        Assert.Empty(meeting.DomainEvents.OfType<MeetingApplicationPromoted>());
    }

    [Fact]
    public void Withdrawing_and_reapplying_reuses_the_application_and_applying_twice_is_a_conflict()
    {
        var meeting = NewMeeting(capacity: 1);
        var member = Guid.NewGuid();
        meeting.ApplyFor(member, FamilyPositions.Parent, null, Now);
        meeting.Withdraw(member, Now.AddMinutes(1));

        var again = meeting.ApplyFor(member, FamilyPositions.Parent, "また申し込みます", Now.AddMinutes(2));

        Assert.Equal(ApplicationStatus.Accepted, again.Status);
        Assert.Equal("また申し込みます", again.Note);
        Assert.Single(meeting.Applications);
        Refused(() => meeting.ApplyFor(member, FamilyPositions.Parent, null, Now.AddMinutes(3)), "already-applied", ErrorKind.Conflict);
    }

    [Fact]
    public void Applying_is_refused_after_the_deadline_after_the_start_and_outside_the_eligibility()
    {
        var deadline = StartsAt.AddDays(-1);
        var meeting = NewMeeting(eligibility: FamilyPositions.Sibling, deadline: deadline);

        Refused(() => meeting.ApplyFor(Guid.NewGuid(), FamilyPositions.Sibling, null, deadline.AddSeconds(1)), "application-closed", ErrorKind.Rule);
        Refused(() => meeting.ApplyFor(Guid.NewGuid(), FamilyPositions.Sibling, null, StartsAt), "meeting-started", ErrorKind.Rule);
        Refused(() => meeting.ApplyFor(Guid.NewGuid(), FamilyPositions.Parent, null, Now), "not-eligible", ErrorKind.Rule);
        Assert.Equal(ApplicationStatus.Accepted, meeting.ApplyFor(Guid.NewGuid(), FamilyPositions.Parent | FamilyPositions.Sibling, null, deadline).Status);
        Assert.True(NewMeeting().IsOpenTo(FamilyPositions.Child));
    }

    [Fact]
    public void A_cancelled_meeting_takes_no_applications_edits_or_second_cancellation()
    {
        var meeting = NewMeeting();
        var applicant = Guid.NewGuid();
        var withdrawn = Guid.NewGuid();
        meeting.ApplyFor(applicant, FamilyPositions.Parent, null, Now);
        meeting.ApplyFor(withdrawn, FamilyPositions.Parent, null, Now);
        meeting.Withdraw(withdrawn, Now);
        var sequence = meeting.CalendarSequence;

        meeting.Cancel("講師の体調不良", Now.AddDays(1));

        Assert.True(meeting.IsCancelled);
        Assert.Equal(sequence + 1, meeting.CalendarSequence);
        Assert.Equal([applicant], Assert.Single(meeting.DomainEvents.OfType<MeetingCancelled>()).ApplicantIds);
        // One code, one status: 422 wherever a cancelled meeting is touched (the API contract).
        Refused(() => meeting.ApplyFor(Guid.NewGuid(), FamilyPositions.Parent, null, Now.AddDays(1)), "meeting-cancelled", ErrorKind.Rule);
        Refused(() => meeting.Edit(Details(capacity: 5), Now.AddDays(1)), "meeting-cancelled", ErrorKind.Rule);
        Refused(() => meeting.Cancel(null, Now.AddDays(1)), "meeting-cancelled", ErrorKind.Rule);
    }

    [Fact]
    public void Capacity_cannot_drop_below_the_seats_given_and_a_larger_one_promotes_at_once()
    {
        var meeting = NewMeeting(capacity: 2);
        meeting.ApplyFor(Guid.NewGuid(), FamilyPositions.Parent, null, Now);
        meeting.ApplyFor(Guid.NewGuid(), FamilyPositions.Parent, null, Now);
        var waiting = meeting.ApplyFor(Guid.NewGuid(), FamilyPositions.Parent, null, Now);

        var ex = Refused(() => meeting.Edit(Details(capacity: 1), Now), "capacity-below-accepted", ErrorKind.Rule);
        Assert.Contains("2", ex.Text.En, StringComparison.Ordinal);
        Assert.Equal(2, meeting.Capacity);

        meeting.Edit(Details(capacity: 3), Now.AddHours(1));

        Assert.Equal(ApplicationStatus.Accepted, waiting.Status);
        Assert.Equal(3, meeting.AcceptedCount);
    }

    [Fact]
    public void Only_changes_to_the_event_itself_move_the_calendar_sequence_and_tell_the_applicants()
    {
        var meeting = NewMeeting(capacity: 2);
        meeting.ApplyFor(Guid.NewGuid(), FamilyPositions.Parent, null, Now);
        meeting.ClearDomainEvents();

        meeting.Edit(Details(capacity: 4), Now);
        Assert.Equal(0, meeting.CalendarSequence);
        Assert.Empty(meeting.DomainEvents.OfType<MeetingChanged>());

        meeting.Edit(Details(capacity: 4) with { StartsAt = StartsAt.AddHours(1), EndsAt = StartsAt.AddHours(3), ApplicationDeadline = StartsAt.AddHours(1) }, Now);
        Assert.Equal(1, meeting.CalendarSequence);
        Assert.Single(meeting.DomainEvents.OfType<MeetingChanged>());
    }
}
