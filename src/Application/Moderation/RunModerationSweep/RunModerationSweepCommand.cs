using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Consultations.Contracts;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Moderation;

namespace Salon.Application.Moderation.RunModerationSweep;

/// <summary>Every 15 minutes: open a "needs a reply" item for each consultation unanswered for 24 hours
/// (so nobody is left alone), close such items once answered, lift expired suspensions, and close items
/// whose post is gone. State-driven: running it twice, or at once, changes nothing more.</summary>
public sealed record RunModerationSweepCommand(int BatchSize = 500) : ICommand<ModerationSweepResult>;

public sealed class RunModerationSweepCommandValidator : AbstractValidator<RunModerationSweepCommand>
{
    public RunModerationSweepCommandValidator() => RuleFor(c => c.BatchSize).InclusiveBetween(1, 10_000);
}

public sealed class RunModerationSweepCommandHandler(IModerationDb db, IPostModeration posts, IMemberModeration members, TimeProvider time)
    : ICommandHandler<RunModerationSweepCommand, ModerationSweepResult>
{
    public static readonly TimeSpan UnansweredAfter = TimeSpan.FromHours(24);

    public async ValueTask<ModerationSweepResult> Handle(RunModerationSweepCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();

        var unanswered = await posts.UnansweredAsync(now - UnansweredAfter, command.BatchSize, cancellationToken);
        var unansweredIds = unanswered.Select(u => u.TopicId).ToList();
        var alreadyOpen = await db.ModerationItems
            .Where(i => i.Kind == ModerationItemKind.NeedsReply && i.PostId != null && unansweredIds.Contains(i.PostId.Value))
            .Select(i => i.PostId!.Value)
            .ToListAsync(cancellationToken);
        var opened = 0;
        foreach (var topic in unanswered.Where(u => !alreadyOpen.Contains(u.TopicId)))
        {
            db.ModerationItems.Add(ModerationItem.Open(ModerationItemKind.NeedsReply, topic.TopicId, PostKind.Topic, topic.TopicId, topic.AuthorId, null, now));
            opened++;
        }

        // A dismissed "needs a reply" item is not reopened: a moderator decided it needs nothing more.
        // Open items whose post is now answered, deleted or hidden are done.
        var open = await db.ModerationItems.Where(i => i.Status == ModerationItemStatus.Open && i.PostId != null)
            .OrderBy(i => i.CreatedAt).Take(command.BatchSize).ToListAsync(cancellationToken);
        var postsNow = await posts.FindAsync(open.Select(i => i.PostId!.Value).Distinct().ToList(), cancellationToken);
        var closedAnswered = 0;
        var closedGone = 0;
        var answered = await posts.AnsweredAsync(open.Where(i => i.Kind == ModerationItemKind.NeedsReply).Select(i => i.PostId!.Value).ToList(), cancellationToken);
        foreach (var item in open)
        {
            if (!postsNow.TryGetValue(item.PostId!.Value, out var post) || post.IsDeleted)
            {
                item.Close("post gone", now);
                closedGone++;
            }
            else if (item.Kind == ModerationItemKind.NeedsReply && answered.Contains(item.PostId.Value))
            {
                item.Close("answered", now);
                closedAnswered++;
            }
        }

        var lifted = await members.LiftExpiredSuspensionsAsync(now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (db.IsUniqueKeyViolation(ex))
        {
            // A concurrent sweep opened the same items first (one open item per post and kind); its
            // commit did this run's work. The next run starts from that state.
            return new ModerationSweepResult(0, 0, 0, 0);
        }
        return new ModerationSweepResult(opened, closedAnswered, lifted, closedGone);
    }
}
