using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Persistence;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Views;
using Salon.Application.Consultations.Writes;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.Unreact;

/// <summary>DELETE /api/posts/{id}/reactions/{kind}: idempotent. Returns the post's counts.</summary>
public sealed record UnreactCommand(Guid MemberId, Guid PostId, string Kind) : ICommand<ReactionCountsDto>;

public sealed class UnreactCommandValidator : AbstractValidator<UnreactCommand>
{
    public UnreactCommandValidator()
    {
        RuleFor(c => c.PostId).NotEmpty();
        RuleFor(c => c.Kind).Must(k => ReactionKindNames.Parse(k) is not null)
            .WithMessage(_ => new LocalizedText("リアクションは relate（わかる）、thanks（ありがとう）、support（応援）から選んでください。", "Reactions are relate, thanks or support.").Current);
    }
}

public sealed class UnreactCommandHandler(IConsultationsDb db, IMemberDirectory directory) : ICommandHandler<UnreactCommand, ReactionCountsDto>
{
    public async ValueTask<ReactionCountsDto> Handle(UnreactCommand command, CancellationToken cancellationToken)
    {
        var kind = ReactionKindNames.Parse(command.Kind)!.Value;
        var post = await PostTargets.FindVisibleAsync(db, directory, command.PostId, command.MemberId, cancellationToken);
        // Under the post's row lock, like a reaction added (in the same order: lock, then the reaction row), and
        // in one transaction with the recount.
        await db.InTransactionAsync(
            async ct =>
            {
                await PostCounters.LockPostAsync(db, post.PostId, post.Kind, ct);
                await db.Reactions
                    .Where(r => r.PostId == post.PostId && r.MemberId == command.MemberId && r.Kind == kind)
                    .ExecuteDeleteAsync(ct);
                await PostCounters.RecountReactionsAsync(db, post.PostId, post.Kind, ct);
            },
            cancellationToken);
        return await ReactionCounts.ReadAsync(db, post, cancellationToken);
    }
}
