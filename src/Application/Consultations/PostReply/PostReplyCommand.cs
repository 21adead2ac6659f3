using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Validation;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Views;
using Salon.Application.Consultations.Writes;
using Salon.Application.Members.Contracts;
using Salon.Application.Moderation.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.PostReply;

/// <summary>POST /api/topics/{id}/replies. 409 when the topic does not take replies (ひとりごと) or is
/// closed; 403 when the (named) topic author has blocked the replier. The replier follows the topic.</summary>
public sealed record PostReplyCommand(Guid AuthorId, Guid TopicId, string Body, bool? Anonymous, string? ContentWarning) : ICommand<PostCreatedDto>;

public sealed class PostReplyCommandValidator : AbstractValidator<PostReplyCommand>
{
    public PostReplyCommandValidator()
    {
        RuleFor(c => c.AuthorId).NotEmpty();
        RuleFor(c => c.TopicId).NotEmpty();
        RuleFor(c => c.Body).ValidBody(PostRules.BodyMaxLength);
        RuleFor(c => c.Anonymous).ChosenAnonymity();
        RuleFor(c => c.ContentWarning).MaximumLength(PostRules.ContentWarningMaxLength);
    }
}

public sealed class PostReplyCommandHandler(
    IConsultationsDb db,
    IMemberDirectory directory,
    IPostScreening screening,
    IOptions<PostingLimitsOptions> limits,
    TimeProvider time)
    : ICommandHandler<PostReplyCommand, PostCreatedDto>
{
    public async ValueTask<PostCreatedDto> Handle(PostReplyCommand command, CancellationToken cancellationToken)
    {
        var poster = await directory.RequireMayPostAsync(command.AuthorId, refusal: null, cancellationToken);
        var (topic, authorBlockedReplier) = await ConsultationRules.TopicToReplyToAsync(db, directory, command.TopicId, command.AuthorId, cancellationToken);
        // A blocker sees a named reply by the blocked member nowhere (an anonymous topic never refuses: ADR 0016).
        if (authorBlockedReplier)
        {
            throw SalonException.Forbidden(new LocalizedText("この相談には返信できません。", "You cannot reply to this consultation."));
        }

        var screened = await ConsultationRules.ScreenAsync(screening, command.Body, cancellationToken);

        // One transaction: the limits under the member's row lock, the reply, the follow, the notices its event
        // causes and the topic's counts (docs/adr/0018); the reply is staged and its notices worked out before it.
        var reply = await PostingLimits.PostAsync(
            db,
            directory,
            limits.Value,
            poster,
            isTopic: false,
            time,
            now =>
            {
                var posted = Reply.Post(topic, command.AuthorId, command.Body, command.Anonymous == true, command.ContentWarning, now, held: screened.Hold);
                db.Replies.Add(posted);
                return posted;
            },
            async (posted, now, ct) =>
            {
                await MemberTopicRows.StageFollowAsync(db, topic.Id, command.AuthorId, now, ct);
                await db.SaveChangesAsync(ct);
                await PostCounters.CountNewReplyAsync(db, posted, ct);
            },
            cancellationToken);
        SalonMetrics.ReplyCreated();
        if (screened.Crisis)
        {
            SalonMetrics.CrisisFlagged("reply");
        }

        return new PostCreatedDto(reply.Id, screened.Support);
    }
}
