using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Salon.Application.Consultations.UnfollowTopic;

/// <summary>DELETE /api/topics/{id}/follow. Idempotent.</summary>
public sealed record UnfollowTopicCommand(Guid MemberId, Guid TopicId) : ICommand;

public sealed class UnfollowTopicCommandValidator : AbstractValidator<UnfollowTopicCommand>
{
    public UnfollowTopicCommandValidator() => RuleFor(c => c.TopicId).NotEmpty();
}

public sealed class UnfollowTopicCommandHandler(IConsultationsDb db) : ICommandHandler<UnfollowTopicCommand>
{
    public async ValueTask<Unit> Handle(UnfollowTopicCommand command, CancellationToken cancellationToken)
    {
        await db.TopicFollows.Where(f => f.TopicId == command.TopicId && f.MemberId == command.MemberId).ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}
