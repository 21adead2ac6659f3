using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Domain.Meetings;

namespace Salon.Application.Meetings.SendMeetingReminders;

/// <summary>The reminder job (every 5 minutes): tells accepted applicants 24 hours and 1 hour before the start.
/// State-driven: each application records which reminders it got, under the meeting's row lock, so a run
/// that repeats, overlaps another or comes late sends each reminder once (a late run sends only the nearest).
/// Returns how many reminders were raised.</summary>
public sealed record SendMeetingRemindersCommand : ICommand<int>;

public sealed class SendMeetingRemindersCommandValidator : AbstractValidator<SendMeetingRemindersCommand>;

public sealed class SendMeetingRemindersCommandHandler(IMeetingsDb db, TimeProvider time) : ICommandHandler<SendMeetingRemindersCommand, int>
{
    private const int BatchSize = 200;

    public async ValueTask<int> Handle(SendMeetingRemindersCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var dayAhead = now.AddHours(24);
        var hourAhead = now.AddHours(1);
        var due = await db.MeetingApplications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Accepted)
            .Join(db.Meetings, a => a.MeetingId, m => m.Id, (a, m) => new { a, m })
            .Where(x => x.m.CancelledAt == null && x.m.StartsAt > now && x.m.StartsAt <= dayAhead
                && (x.a.DayReminderAt == null || (x.m.StartsAt <= hourAhead && x.a.HourReminderAt == null)))
            .Select(x => x.m.Id)
            .Distinct()
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var raised = 0;
        foreach (var meetingId in due)
        {
            await using var locked = await LockedMeeting.AcquireAsync(db, meetingId, cancellationToken);
            if (locked is null)
            {
                continue;
            }

            var count = locked.Meeting.RaiseDueReminders(time.UtcNow());
            if (count > 0)
            {
                await locked.SaveAndCommitAsync(db, cancellationToken);
                raised += count;
            }
        }

        return raised;
    }
}
