using FluentValidation;
using Mediator;
using Salon.Application.Common.Persistence;
using Salon.Application.Common.Time;
using Salon.Application.Common.Validation;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Writes;
using Salon.Application.Members.Contracts;
using Salon.Application.Moderation.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.EditTopic;

/// <summary>PATCH /api/topics/{id} (author or moderator): only the fields present change; the topic is
/// marked edited. An empty <c>contentWarning</c> removes it. <c>isClosed</c> closes or reopens it to replies.</summary>
public sealed record EditTopicCommand(
    Actor Actor,
    Guid TopicId,
    string? Title,
    string? Body,
    IReadOnlyList<string>? Tags,
    string? ContentWarning,
    bool? RepliesWelcome,
    bool? IsClosed) : ICommand;

public sealed class EditTopicCommandValidator : AbstractValidator<EditTopicCommand>
{
    public EditTopicCommandValidator()
    {
        RuleFor(c => c.TopicId).NotEmpty();
        RuleFor(c => c.Title).ValidTitle(PostRules.TitleMaxLength).When(c => c.Title is not null);
        RuleFor(c => c.Body).ValidBody(PostRules.BodyMaxLength).When(c => c.Body is not null);
        RuleFor(c => c.Tags).BoundedList(PostRules.MaxTags);
        RuleFor(c => c.ContentWarning).MaximumLength(PostRules.ContentWarningMaxLength);
    }
}

public sealed class EditTopicCommandHandler(IConsultationsDb db, IMemberDirectory directory, IPostScreening screening, TimeProvider time) : ICommandHandler<EditTopicCommand>
{
    public async ValueTask<Unit> Handle(EditTopicCommand command, CancellationToken cancellationToken)
    {
        // Edits of one topic are one after the other, under its row lock, each reading the topic (and its tags) as the
        // one before left it: two at once (保存する tapped twice) both replaced the tags they had read, and the second
        // inserted the same tag rows again (500) or deleted rows already gone (409) (docs/adr/0046).
        await db.InTransactionAsync(
            async ct =>
            {
                await PostCounters.LockPostAsync(db, command.TopicId, PostKind.Topic, ct);
                await EditAsync(command, ct);
            },
            cancellationToken);
        return Unit.Value;
    }

    private async Task EditAsync(EditTopicCommand command, CancellationToken cancellationToken)
    {
        var topic = await ConsultationRules.TopicForActorAsync(db, directory, command.TopicId, command.Actor, cancellationToken);
        ConsultationRules.EnsureMayModify(topic.AuthorId, command.Actor);

        var textChanged = command.Title is not null || command.Body is not null || command.ContentWarning is not null || command.RepliesWelcome is not null;
        if (command.Title is not null || command.Body is not null)
        {
            var screened = await ConsultationRules.ScreenAsync(screening, (command.Title ?? topic.Title) + "\n" + (command.Body ?? topic.Body), cancellationToken);
            if (screened.Hold && topic.Visibility == PostVisibility.Visible)
            {
                topic.SetVisibility(PostVisibility.Held, decidedAt: null);
            }
        }

        if (textChanged)
        {
            var clearWarning = command.ContentWarning is not null && string.IsNullOrWhiteSpace(command.ContentWarning);
            topic.Edit(command.Title, command.Body, clearWarning ? null : command.ContentWarning, clearWarning, command.RepliesWelcome, time.UtcNow());
        }

        if (command.Tags is not null)
        {
            topic.ReplaceTags(await ConsultationRules.TagIdsAsync(db, command.Tags, cancellationToken));
        }

        if (command.IsClosed is not null)
        {
            topic.SetClosed(command.IsClosed.Value);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
