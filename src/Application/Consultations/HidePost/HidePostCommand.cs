using FluentValidation;
using Mediator;
using Salon.Application.Common.Time;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Writes;
using Salon.Application.Members.Contracts;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.HidePost;

/// <summary>PUT /api/posts/{id}/hide: the member no longer sees this topic or reply in their lists, threads, search
/// results, notices or digests, whoever wrote it (ADR 0016). Idempotent; 404 for a post they cannot see, 422 for
/// their own post. The post stays reachable by its address.</summary>
public sealed record HidePostCommand(Guid MemberId, Guid PostId) : ICommand;

public sealed class HidePostCommandValidator : AbstractValidator<HidePostCommand>
{
    public HidePostCommandValidator() => RuleFor(c => c.PostId).NotEmpty();
}

public sealed class HidePostCommandHandler(IConsultationsDb db, IMemberDirectory directory, TimeProvider time) : ICommandHandler<HidePostCommand>
{
    public async ValueTask<Unit> Handle(HidePostCommand command, CancellationToken cancellationToken)
    {
        var post = await PostTargets.FindVisibleAsync(db, directory, command.PostId, command.MemberId, cancellationToken);
        await MemberTopicRows.AddOnceAsync(
            db,
            directory,
            command.MemberId,
            db.HiddenPosts,
            h => h.MemberId == command.MemberId && h.PostId == post.PostId,
            () => HiddenPost.Create(command.MemberId, post.PostId, post.Kind, post.TopicId, post.AuthorId, time.UtcNow()),
            cancellationToken);

        return Unit.Value;
    }
}
