using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Writes;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.DeleteReply;

/// <summary>DELETE /api/replies/{id} (author or moderator): a soft delete. The thread shows
/// 「この投稿は削除されました」 in its place.</summary>
public sealed record DeleteReplyCommand(Actor Actor, Guid ReplyId) : ICommand;

public sealed class DeleteReplyCommandValidator : AbstractValidator<DeleteReplyCommand>
{
    public DeleteReplyCommandValidator() => RuleFor(c => c.ReplyId).NotEmpty();
}

public sealed class DeleteReplyCommandHandler(IConsultationsDb db, IMemberDirectory directory, TimeProvider time) : ICommandHandler<DeleteReplyCommand>
{
    public async ValueTask<Unit> Handle(DeleteReplyCommand command, CancellationToken cancellationToken)
    {
        if (await AlreadyDeletedAsync(command, cancellationToken))
        {
            return Unit.Value;
        }

        Reply reply;
        try
        {
            reply = await ReplyAccess.ForActorAsync(db, directory, command.ReplyId, command.Actor, cancellationToken);
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

        ConsultationRules.EnsureMayModify(reply.AuthorId, command.Actor);
        reply.Delete(time.UtcNow());
        await PostCounters.SaveAndRecountTopicAsync(db, reply.TopicId, cancellationToken);
        return Unit.Value;
    }

    /// <summary>Deleting again is fine for whoever could delete it: its author or a moderator.</summary>
    private async Task<bool> AlreadyDeletedAsync(DeleteReplyCommand command, CancellationToken cancellationToken)
    {
        var existing = await db.Replies.AsNoTracking()
            .Where(r => r.Id == command.ReplyId)
            .Select(r => new { r.AuthorId, r.DeletedAt })
            .SingleOrDefaultAsync(cancellationToken);
        return existing?.DeletedAt is not null && (existing.AuthorId == command.Actor.Id || command.Actor.IsModerator);
    }
}
