using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Salon.Application.Consultations.UnhidePost;

/// <summary>DELETE /api/posts/{id}/hide: the post is back in the member's view. Idempotent.</summary>
public sealed record UnhidePostCommand(Guid MemberId, Guid PostId) : ICommand;

public sealed class UnhidePostCommandValidator : AbstractValidator<UnhidePostCommand>
{
    public UnhidePostCommandValidator() => RuleFor(c => c.PostId).NotEmpty();
}

public sealed class UnhidePostCommandHandler(IConsultationsDb db) : ICommandHandler<UnhidePostCommand>
{
    public async ValueTask<Unit> Handle(UnhidePostCommand command, CancellationToken cancellationToken)
    {
        await db.HiddenPosts.Where(h => h.MemberId == command.MemberId && h.PostId == command.PostId).ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}
