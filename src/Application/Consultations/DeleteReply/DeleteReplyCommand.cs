using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Writes;
using Salon.Application.Members.Contracts;

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
        var existing = await db.Replies.AsNoTracking()
            .Where(r => r.Id == command.ReplyId)
            .Select(r => new { r.AuthorId, r.DeletedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (existing?.DeletedAt is not null && (existing.AuthorId == command.Actor.Id || command.Actor.IsModerator))
        {
            return Unit.Value; // already deleted
        }

        var reply = await ReplyAccess.ForActorAsync(db, directory, command.ReplyId, command.Actor, cancellationToken);
        ConsultationRules.EnsureMayModify(reply.AuthorId, command.Actor);
        reply.Delete(time.UtcNow());
        await PostCounters.SaveAndRecountTopicAsync(db, reply.TopicId, cancellationToken);
        return Unit.Value;
    }
}
