using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Persistence;
using Salon.Application.Common.Time;
using Salon.Application.Consultations.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Moderation;

namespace Salon.Application.Moderation.ResolveModerationItem;

/// <summary>POST /api/moderation/items/{id}/resolve (moderators): dismiss (a hidden or held post becomes
/// visible again), hide, delete, restore, or warn the author. Recorded in the audit log.</summary>
public sealed record ResolveModerationItemCommand(Guid ModeratorId, Guid ItemId, string Action, string? Note) : ICommand;

public sealed class ResolveModerationItemCommandValidator : AbstractValidator<ResolveModerationItemCommand>
{
    public static readonly string[] Actions = ["dismiss", "hide", "delete", "restore", "warn"];

    public ResolveModerationItemCommandValidator()
    {
        RuleFor(c => c.ItemId).NotEmpty();
        RuleFor(c => c.Action).Must(a => Actions.Contains(a))
            .WithMessage(_ => new LocalizedText("対応は dismiss, hide, delete, restore, warn から選んでください。", "The action must be dismiss, hide, delete, restore or warn.").Current);
        RuleFor(c => c.Note).MaximumLength(2000);
    }
}

public sealed class ResolveModerationItemCommandHandler(IModerationDb db, IPostModeration posts, TimeProvider time)
    : ICommandHandler<ResolveModerationItemCommand>
{
    public async ValueTask<Unit> Handle(ResolveModerationItemCommand command, CancellationToken cancellationToken)
    {
        // Decisions on one item are one after the other, under its row lock, each reading the item as the one before left
        // it: of two moderators deciding at the same moment (or 問題なし tapped twice) one decides and the other gets 409
        // item-resolved, instead of both decisions being applied to the post, told to its author and written to the log.
        await db.InTransactionAsync(
            async ct =>
            {
                await db.ModerationItems.Where(i => i.Id == command.ItemId).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, i => i.Status), ct);
                await ResolveAsync(command, ct);
            },
            cancellationToken);
        return Unit.Value;
    }

    private async Task ResolveAsync(ResolveModerationItemCommand command, CancellationToken cancellationToken)
    {
        var item = await db.ModerationItems.SingleOrDefaultAsync(i => i.Id == command.ItemId, cancellationToken)
            ?? throw SalonException.NotFound();
        var action = Enum.Parse<ModerationAction>(command.Action, ignoreCase: true);
        var now = time.UtcNow();
        var postId = item.PostId;

        if (postId is null && action is ModerationAction.Hide or ModerationAction.Delete or ModerationAction.Restore)
        {
            throw ModerationErrors.NoPost.Error();
        }

        item.Resolve(action, command.ModeratorId, command.Note, now);
        if (postId is { } id)
        {
            var before = (await posts.FindAsync([id], cancellationToken)).GetValueOrDefault(id);
            switch (action)
            {
                case ModerationAction.Hide:
                    await posts.HideAsync(id, now, byModerator: true, cancellationToken);
                    if (before is { Status: "published", IsDeleted: false })
                    {
                        item.RaisePostHidden(before.AuthorId, id, before.TopicId, byModerator: true, now);
                    }

                    break;
                case ModerationAction.Delete:
                    await posts.DeleteAsync(id, now, cancellationToken);
                    await CloseOtherItemsAsync(id, "post deleted", now, cancellationToken);
                    break;
                case ModerationAction.Dismiss when item.Kind is ModerationItemKind.Report or ModerationItemKind.Held:
                    // Dismissing releases the post only if nothing else still holds it (another open
                    // report or hold, or a moderator's own hide).
                    if (before is { ModeratedAt: null } && !await OtherOpenHoldsAsync(item, cancellationToken))
                    {
                        await posts.RestoreAsync(id, now, cancellationToken);
                        if (before is { Status: "under_review", IsDeleted: false })
                        {
                            item.RaisePostRestored(before.AuthorId, id, before.TopicId, now);
                        }
                    }

                    break;
                case ModerationAction.Restore:
                    await posts.RestoreAsync(id, now, cancellationToken);
                    if (before is { Status: "under_review", IsDeleted: false })
                    {
                        item.RaisePostRestored(before.AuthorId, id, before.TopicId, now);
                    }

                    break;
                case ModerationAction.Warn when item.SubjectMemberId is { } member:
                    item.RaiseWarning(member, id, command.Note, now);
                    break;
            }
        }

        db.AuditEntries.Add(AuditEntry.Record(command.ModeratorId, "resolve:" + command.Action, "moderation-item", item.Id, item.Id, command.Note, now));
        // The decision, what it does to the post and the topic's counts are one change (docs/adr/0018).
        await db.InTransactionAsync(
            async ct =>
            {
                await db.SaveChangesAsync(ct);
                if (item.TopicId is { } topicId && action is not ModerationAction.Warn)
                {
                    await posts.RefreshCountsAsync(topicId, ct);
                }
            },
            cancellationToken);
    }

    private Task<bool> OtherOpenHoldsAsync(ModerationItem item, CancellationToken cancellationToken) =>
        db.ModerationItems.AnyAsync(
            i => i.PostId == item.PostId && i.Id != item.Id && i.Status == ModerationItemStatus.Open
                && (i.Kind == ModerationItemKind.Report || i.Kind == ModerationItemKind.Held),
            cancellationToken);

    private async Task CloseOtherItemsAsync(Guid postId, string reason, DateTime now, CancellationToken cancellationToken)
    {
        var others = await db.ModerationItems.Where(i => i.PostId == postId && i.Status == ModerationItemStatus.Open).ToListAsync(cancellationToken);
        others.ForEach(i => i.Close(reason, now));
    }
}
