using FluentValidation;
using Mediator;
using Salon.Application.Common.Time;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Writes;
using Salon.Application.Members.Contracts;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.FollowTopic;

/// <summary>PUT /api/topics/{id}/follow: be notified of replies. Idempotent.</summary>
public sealed record FollowTopicCommand(Guid MemberId, Guid TopicId) : ICommand;

public sealed class FollowTopicCommandValidator : AbstractValidator<FollowTopicCommand>
{
    public FollowTopicCommandValidator() => RuleFor(c => c.TopicId).NotEmpty();
}

public sealed class FollowTopicCommandHandler(IConsultationsDb db, IMemberDirectory directory, TimeProvider time) : ICommandHandler<FollowTopicCommand>
{
    public async ValueTask<Unit> Handle(FollowTopicCommand command, CancellationToken cancellationToken)
    {
        await ConsultationRules.EnsureVisibleTopicAsync(db, directory, command.TopicId, command.MemberId, cancellationToken);

        await MemberTopicRows.AddOnceAsync(
            db,
            directory,
            command.MemberId,
            db.TopicFollows,
            f => f.TopicId == command.TopicId && f.MemberId == command.MemberId,
            () => new TopicFollow(command.TopicId, command.MemberId, time.UtcNow()),
            cancellationToken);
        return Unit.Value;
    }
}
