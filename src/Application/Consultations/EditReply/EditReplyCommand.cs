using FluentValidation;
using Mediator;
using Salon.Application.Common.Time;
using Salon.Application.Common.Validation;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Writes;
using Salon.Application.Members.Contracts;
using Salon.Application.Moderation.Contracts;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.EditReply;

/// <summary>PATCH /api/replies/{id} (author or moderator). The reply is marked edited.</summary>
public sealed record EditReplyCommand(Actor Actor, Guid ReplyId, string? Body, string? ContentWarning) : ICommand;

public sealed class EditReplyCommandValidator : AbstractValidator<EditReplyCommand>
{
    public EditReplyCommandValidator()
    {
        RuleFor(c => c.ReplyId).NotEmpty();
        RuleFor(c => c.Body).ValidBody(PostRules.BodyMaxLength).When(c => c.Body is not null);
        RuleFor(c => c.ContentWarning).MaximumLength(PostRules.ContentWarningMaxLength);
    }
}

public sealed class EditReplyCommandHandler(IConsultationsDb db, IMemberDirectory directory, IPostScreening screening, TimeProvider time) : ICommandHandler<EditReplyCommand>
{
    public async ValueTask<Unit> Handle(EditReplyCommand command, CancellationToken cancellationToken)
    {
        var reply = await ReplyAccess.ForActorAsync(db, directory, command.ReplyId, command.Actor, cancellationToken);
        ConsultationRules.EnsureMayModify(reply.AuthorId, command.Actor);
        if (command.Body is not null)
        {
            var screened = await ConsultationRules.ScreenAsync(screening, command.Body, cancellationToken);
            if (screened.Hold && reply.Visibility == PostVisibility.Visible)
            {
                reply.SetVisibility(PostVisibility.Held, decidedAt: null);
            }
        }

        var clearWarning = command.ContentWarning is not null && string.IsNullOrWhiteSpace(command.ContentWarning);
        reply.Edit(command.Body, clearWarning ? null : command.ContentWarning, clearWarning, time.UtcNow());
        await PostCounters.SaveAndRecountTopicAsync(db, reply.TopicId, cancellationToken);
        return Unit.Value;
    }
}
