using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Salon.Application.Consultations.UnbookmarkTopic;

/// <summary>DELETE /api/topics/{id}/bookmark. Idempotent.</summary>
public sealed record UnbookmarkTopicCommand(Guid MemberId, Guid TopicId) : ICommand;

public sealed class UnbookmarkTopicCommandValidator : AbstractValidator<UnbookmarkTopicCommand>
{
    public UnbookmarkTopicCommandValidator() => RuleFor(c => c.TopicId).NotEmpty();
}

public sealed class UnbookmarkTopicCommandHandler(IConsultationsDb db) : ICommandHandler<UnbookmarkTopicCommand>
{
    public async ValueTask<Unit> Handle(UnbookmarkTopicCommand command, CancellationToken cancellationToken)
    {
        await db.TopicBookmarks.Where(b => b.TopicId == command.TopicId && b.MemberId == command.MemberId).ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}
