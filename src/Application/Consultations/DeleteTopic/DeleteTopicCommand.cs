using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Consultations.Rules;
using Salon.Application.Members.Contracts;

namespace Salon.Application.Consultations.DeleteTopic;

/// <summary>DELETE /api/topics/{id} (author or moderator): a soft delete; others get 404 from then on.
/// Deleting again is fine for whoever deleted it.</summary>
public sealed record DeleteTopicCommand(Actor Actor, Guid TopicId) : ICommand;

public sealed class DeleteTopicCommandValidator : AbstractValidator<DeleteTopicCommand>
{
    public DeleteTopicCommandValidator() => RuleFor(c => c.TopicId).NotEmpty();
}

public sealed class DeleteTopicCommandHandler(IConsultationsDb db, IMemberDirectory directory, TimeProvider time) : ICommandHandler<DeleteTopicCommand>
{
    public async ValueTask<Unit> Handle(DeleteTopicCommand command, CancellationToken cancellationToken)
    {
        var existing = await db.Topics.AsNoTracking()
            .Where(t => t.Id == command.TopicId)
            .Select(t => new { t.AuthorId, t.DeletedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (existing?.DeletedAt is not null && (existing.AuthorId == command.Actor.Id || command.Actor.IsModerator))
        {
            return Unit.Value; // already deleted
        }

        var topic = await ConsultationRules.TopicForActorAsync(db, directory, command.TopicId, command.Actor, cancellationToken);
        ConsultationRules.EnsureMayModify(topic.AuthorId, command.Actor);
        topic.Delete(time.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
