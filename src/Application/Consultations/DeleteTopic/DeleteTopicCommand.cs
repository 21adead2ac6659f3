using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Consultations.Rules;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

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
        if (await AlreadyDeletedAsync(command, cancellationToken))
        {
            return Unit.Value;
        }

        Topic topic;
        try
        {
            topic = await ConsultationRules.TopicForActorAsync(db, directory, command.TopicId, command.Actor, cancellationToken);
        }
        catch (SalonException ex) when (ex.Kind == ErrorKind.NotFound)
        {
            // The same delete sent twice at once: the other one deleted it after the check above. One after the other,
            // this one would have found it deleted, and answered as for a delete done.
            if (await AlreadyDeletedAsync(command, cancellationToken))
            {
                return Unit.Value;
            }

            throw;
        }

        ConsultationRules.EnsureMayModify(topic.AuthorId, command.Actor);
        topic.Delete(time.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    /// <summary>Deleting again is fine for whoever could delete it: its author or a moderator.</summary>
    private async Task<bool> AlreadyDeletedAsync(DeleteTopicCommand command, CancellationToken cancellationToken)
    {
        var existing = await db.Topics.AsNoTracking()
            .Where(t => t.Id == command.TopicId)
            .Select(t => new { t.AuthorId, t.DeletedAt })
            .SingleOrDefaultAsync(cancellationToken);
        return existing?.DeletedAt is not null && (existing.AuthorId == command.Actor.Id || command.Actor.IsModerator);
    }
}
