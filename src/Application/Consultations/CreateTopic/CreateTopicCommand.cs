using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Validation;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Views;
using Salon.Application.Members.Contracts;
using Salon.Application.Moderation.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.CreateTopic;

/// <summary>POST /api/topics. The author follows their own topic. <c>RepliesWelcome</c> defaults to the
/// board's default (false on ひとりごと); <c>Anonymous</c> has no default (docs/adr/0048).</summary>
public sealed record CreateTopicCommand(
    Guid AuthorId,
    string BoardSlug,
    string Title,
    string Body,
    IReadOnlyList<string>? Tags,
    bool? Anonymous,
    bool? RepliesWelcome,
    string? ContentWarning) : ICommand<PostCreatedDto>;

public sealed class CreateTopicCommandValidator : AbstractValidator<CreateTopicCommand>
{
    public CreateTopicCommandValidator()
    {
        RuleFor(c => c.AuthorId).NotEmpty();
        RuleFor(c => c.BoardSlug).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Title).ValidTitle(PostRules.TitleMaxLength);
        RuleFor(c => c.Body).ValidBody(PostRules.BodyMaxLength);
        RuleFor(c => c.Anonymous).ChosenAnonymity();
        RuleFor(c => c.Tags).BoundedList(PostRules.MaxTags);
        RuleFor(c => c.ContentWarning).MaximumLength(PostRules.ContentWarningMaxLength);
    }
}

public sealed class CreateTopicCommandHandler(
    IConsultationsDb db,
    IMemberDirectory directory,
    IPostScreening screening,
    IOptions<PostingLimitsOptions> limits,
    TimeProvider time)
    : ICommandHandler<CreateTopicCommand, PostCreatedDto>
{
    public async ValueTask<PostCreatedDto> Handle(CreateTopicCommand command, CancellationToken cancellationToken)
    {
        var board = await db.Boards.AsNoTracking().SingleOrDefaultAsync(b => b.Slug == command.BoardSlug, cancellationToken)
            ?? throw SalonException.NotFound(new LocalizedText("掲示板が見つかりませんでした。", "The board was not found."));
        var standing = await directory.RequireMayPostAsync(command.AuthorId, refusal: null, cancellationToken);

        if (!board.IsOpenTo(standing.FamilyPositions))
        {
            throw SalonException.Forbidden(new LocalizedText(
                "この掲示板は、対象の立場の方だけが相談を投稿できます。",
                "Only members in this board's family positions can post here."));
        }

        var tagIds = await ConsultationRules.TagIdsAsync(db, command.Tags, cancellationToken);
        var screened = await ConsultationRules.ScreenAsync(screening, command.Title + "\n" + command.Body, cancellationToken);
        // One transaction: the limits under the member's row lock, the topic and the author's follow.
        var topic = await PostingLimits.PostAsync(
            db,
            directory,
            limits.Value,
            standing,
            isTopic: true,
            time,
            now =>
            {
                var created = Topic.Create(
                    board.Id,
                    command.AuthorId,
                    command.Title,
                    command.Body,
                    tagIds,
                    command.Anonymous == true,
                    command.RepliesWelcome ?? board.RepliesWelcomeByDefault,
                    command.ContentWarning,
                    now);
                if (screened.Hold)
                {
                    created.SetVisibility(PostVisibility.Held, decidedAt: null);
                }

                db.Topics.Add(created);
                db.TopicFollows.Add(new TopicFollow(created.Id, command.AuthorId, now));
                return created;
            },
            (_, _, ct) => db.SaveChangesAsync(ct),
            cancellationToken);
        SalonMetrics.TopicCreated();
        if (screened.Crisis)
        {
            SalonMetrics.CrisisFlagged("topic");
        }

        return new PostCreatedDto(topic.Id, screened.Support);
    }
}
