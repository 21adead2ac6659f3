using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Time;
using Salon.Application.Consultations.Contracts;

namespace Salon.Application.Consultations.PurgeRemovedPosts;

/// <summary>Daily: erases posts deleted, or hidden by moderation and never restored, longer ago than the
/// retention (30 days by default), with their reactions and search entries. Idempotent.</summary>
public sealed record PurgeRemovedPostsCommand : ICommand<int>;

public sealed class PurgeRemovedPostsCommandValidator : AbstractValidator<PurgeRemovedPostsCommand>;

public sealed class PurgeRemovedPostsCommandHandler(IPostModeration posts, IOptions<RetentionOptions> retention, TimeProvider time)
    : ICommandHandler<PurgeRemovedPostsCommand, int>
{
    public async ValueTask<int> Handle(PurgeRemovedPostsCommand command, CancellationToken cancellationToken)
    {
        var purged = await posts.PurgeAsync(time.UtcNow() - retention.Value.RemovedContent, cancellationToken);
        SalonMetrics.RecordCleanup("removed-posts", purged);
        return purged;
    }
}
