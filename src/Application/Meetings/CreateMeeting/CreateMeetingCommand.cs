using FluentValidation;
using Mediator;
using Salon.Application.Common.Time;
using Salon.Application.Members.Contracts;
using Salon.Domain.Meetings;

namespace Salon.Application.Meetings.CreateMeeting;

/// <summary>POST /api/meetings (officials). Field rules are in <see cref="MeetingRules"/>.</summary>
public sealed record CreateMeetingCommand(Guid OfficialId, MeetingInput Meeting) : ICommand<MeetingDto>;

public sealed class CreateMeetingCommandValidator : AbstractValidator<CreateMeetingCommand>
{
    public CreateMeetingCommandValidator()
    {
        RuleFor(c => c.OfficialId).NotEmpty();
        RuleFor(c => c.Meeting).NotNull();
    }
}

public sealed class CreateMeetingCommandHandler(IMeetingsDb db, IMemberDirectory directory, TimeProvider time)
    : ICommandHandler<CreateMeetingCommand, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(CreateMeetingCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var details = MeetingRules.Merge(null, command.Meeting, now);
        var meeting = Meeting.Create(details, command.OfficialId, now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        var viewer = await MeetingViewers.ForAsync(directory, command.OfficialId, isOfficial: true, cancellationToken);
        return MeetingViews.ToDto(new MeetingRow(meeting, 0, 0, null, null), viewer, now);
    }
}
