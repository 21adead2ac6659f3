using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Views;
using Salon.Application.Consultations.Writes;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.React;

/// <summary>PUT /api/posts/{id}/reactions/{kind}: idempotent. Kinds are relate (わかる), thanks (ありがとう)
/// and support (応援). Returns the post's counts.</summary>
public sealed record ReactCommand(Guid MemberId, Guid PostId, string Kind) : ICommand<ReactionCountsDto>;

public sealed class ReactCommandValidator : AbstractValidator<ReactCommand>
{
    public ReactCommandValidator()
    {
        RuleFor(c => c.PostId).NotEmpty();
        RuleFor(c => c.Kind).Must(k => ReactionKindNames.Parse(k) is not null)
            .WithMessage(_ => new LocalizedText("リアクションは relate（わかる）、thanks（ありがとう）、support（応援）から選んでください。", "Reactions are relate, thanks or support.").Current);
    }
}

public sealed class ReactCommandHandler(IConsultationsDb db, IMemberDirectory directory, TimeProvider time) : ICommandHandler<ReactCommand, ReactionCountsDto>
{
    public async ValueTask<ReactionCountsDto> Handle(ReactCommand command, CancellationToken cancellationToken)
    {
        var kind = ReactionKindNames.Parse(command.Kind)!.Value;
        var post = await PostTargets.FindVisibleAsync(db, directory, command.PostId, command.MemberId, cancellationToken);
        // An anonymous post never refuses: a refusal would tell the blocked member who wrote it.
        if (!post.IsAnonymous && post.AuthorId != command.MemberId && await ConsultationRules.HasBlockedAsync(directory, post.AuthorId, command.MemberId, cancellationToken))
        {
            throw SalonException.Forbidden(new LocalizedText("この投稿にはリアクションできません。", "You cannot react to this post."));
        }

        // Reactions to one post are serialised on the post's row lock: the reaction, its grouped notice to the
        // author (one row per post and day) and the recount then see every earlier reaction committed, on
        // PostgreSQL's READ COMMITTED as on SQLite. Without it two first reactions would both create the day's
        // notice and one would fail on its unique key, losing that reaction.
        await using (var transaction = await db.BeginTransactionAsync(cancellationToken))
        {
            await PostCounters.LockPostAsync(db, post.PostId, post.Kind, cancellationToken);
            var exists = await db.Reactions.AnyAsync(r => r.PostId == post.PostId && r.MemberId == command.MemberId && r.Kind == kind, cancellationToken);
            if (!exists)
            {
                db.Reactions.Add(Reaction.Add(post.PostId, post.Kind, post.TopicId, post.AuthorId, command.MemberId, kind, time.UtcNow()));
                await db.SaveChangesAsync(cancellationToken);
            }

            await PostCounters.RecountReactionsAsync(db, post.PostId, post.Kind, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await ReactionCounts.ReadAsync(db, post, cancellationToken);
    }
}
