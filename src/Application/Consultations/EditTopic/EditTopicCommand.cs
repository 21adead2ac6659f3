using FluentValidation;
using Mediator;
using Salon.Application.Common.Time;
using Salon.Application.Common.Validation;
using Salon.Application.Consultations.Rules;
using Salon.Application.Members.Contracts;
using Salon.Application.Moderation.Contracts;
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
        RuleFor(c => c.Title).Must(t => t is null || t.Trim().Length is > 0 and <= PostRules.TitleMaxLength)
            .WithMessage(_ => new Domain.Common.LocalizedText($"タイトルは1〜{PostRules.TitleMaxLength}文字で入力してください。", $"The title must be 1 to {PostRules.TitleMaxLength} characters.").Current);
        RuleFor(c => c.Body).Must(b => b is null || b.Trim().Length is > 0 and <= PostRules.BodyMaxLength)
            .WithMessage(_ => new Domain.Common.LocalizedText($"本文は1〜{PostRules.BodyMaxLength}文字で入力してください。", $"The text must be 1 to {PostRules.BodyMaxLength} characters.").Current);
        RuleFor(c => c.Tags).BoundedList(PostRules.MaxTags);
        RuleFor(c => c.ContentWarning).MaximumLength(PostRules.ContentWarningMaxLength);
    }
}

public sealed class EditTopicCommandHandler(IConsultationsDb db, IMemberDirectory directory, IPostScreening screening, TimeProvider time) : ICommandHandler<EditTopicCommand>
{
    public async ValueTask<Unit> Handle(EditTopicCommand command, CancellationToken cancellationToken)
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
        return Unit.Value;
    }
}
