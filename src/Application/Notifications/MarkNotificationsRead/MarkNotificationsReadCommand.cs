using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Domain.Common;

namespace Salon.Application.Notifications.MarkNotificationsRead;

/// <summary>POST /api/notifications/read: the given notifications, or all when <c>ids</c> is absent.
/// An empty list marks nothing.</summary>
public sealed record MarkNotificationsReadCommand(Guid MemberId, IReadOnlyList<Guid>? Ids) : ICommand;

public sealed class MarkNotificationsReadCommandValidator : AbstractValidator<MarkNotificationsReadCommand>
{
    /// <summary>More than a client can have shown; "all" is asked for by sending no ids.</summary>
    public const int MaxIds = 500;

    public MarkNotificationsReadCommandValidator() => RuleFor(c => c.Ids)
        .Must(ids => ids is null || ids.Count <= MaxIds)
        .WithMessage(_ => new LocalizedText($"一度に既読にできるのは{MaxIds}件までです。", $"At most {MaxIds} notifications at a time.").Current);
}

public sealed class MarkNotificationsReadCommandHandler(INotificationsDb db, TimeProvider time) : ICommandHandler<MarkNotificationsReadCommand>
{
    public async ValueTask<Unit> Handle(MarkNotificationsReadCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var unread = db.Notifications.Where(n => n.MemberId == command.MemberId && n.ReadAt == null);
        if (command.Ids is { } ids)
        {
            unread = unread.Where(n => ids.Contains(n.Id));
        }

        await unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return Unit.Value;
    }
}
