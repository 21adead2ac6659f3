using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Validation;
using Salon.Application.Members.Contracts;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.UpdateNotificationSettings;

/// <summary>PUT /api/me/notification-settings: the kinds given change (others keep their setting); the
/// digest changes when given. Idempotent.</summary>
public sealed record UpdateNotificationSettingsCommand(Guid MemberId, IReadOnlyList<KindSettingDto>? Kinds, DigestSettingDto? Digest) : ICommand;

public sealed class UpdateNotificationSettingsCommandValidator : AbstractValidator<UpdateNotificationSettingsCommand>
{
    public UpdateNotificationSettingsCommandValidator()
    {
        var kinds = NotificationKinds.Defaults.Count;
        RuleFor(c => c.Kinds).BoundedList(kinds)
            .Must(list => list is null || !ValidationRules.IsBounded(list, kinds) || list.DistinctBy(k => k.Kind).Count() == list.Count)
            .WithMessage(_ => new LocalizedText("同じ通知の種類が2回以上あります。", "A notification kind is listed more than once.").Current);
        When(c => ValidationRules.IsBounded(c.Kinds, kinds), () => RuleForEach(c => c.Kinds).ChildRules(kind =>
        {
            kind.RuleFor(k => k.Kind).Must(NotificationKinds.IsKnown)
                .WithMessage(_ => new LocalizedText("通知の種類が正しくありません。", "Unknown notification kind.").Current);
            kind.RuleFor(k => k.Email).Must(e => e is "immediate" or "digest" or "off")
                .WithMessage(_ => new LocalizedText("email は immediate, digest, off のいずれかです。", "email is immediate, digest or off.").Current);
        }));
        RuleFor(c => c.Digest!.Frequency).Must(f => f is "off" or "daily" or "weekly").When(c => c.Digest is not null)
            .WithMessage(_ => new LocalizedText("ダイジェストは off, daily, weekly のいずれかです。", "The digest is off, daily or weekly.").Current);
        RuleFor(c => c.Digest!.Hour).InclusiveBetween(0, 23).When(c => c.Digest is not null);
    }
}

public sealed class UpdateNotificationSettingsCommandHandler(INotificationsDb db, IMemberDirectory directory) : ICommandHandler<UpdateNotificationSettingsCommand>
{
    /// <summary>Read and written under the member's row lock, in one transaction (docs/adr/0018): a member who never
    /// saved a setting has no row for it, and two saves at once (a double tap on 保存する, two tabs) would each add it,
    /// the second failing on the key.</summary>
    public async ValueTask<Unit> Handle(UpdateNotificationSettingsCommand command, CancellationToken cancellationToken)
    {
        await db.InTransactionAsync(
            async ct =>
            {
                await directory.LockAsync(command.MemberId, ct);
                await StageAsync(command, ct);
                return await db.SaveChangesAsync(ct);
            },
            cancellationToken);
        return Unit.Value;
    }

    private async Task StageAsync(UpdateNotificationSettingsCommand command, CancellationToken cancellationToken)
    {
        var saved = command.Kinds is { Count: > 0 }
            ? await db.NotificationPreferences.Where(p => p.MemberId == command.MemberId).ToDictionaryAsync(p => p.Kind, cancellationToken)
            : [];
        foreach (var setting in command.Kinds ?? [])
        {
            var email = Enum.Parse<EmailDelivery>(setting.Email, ignoreCase: true);
            var existing = saved.GetValueOrDefault(setting.Kind);
            if (existing is null)
            {
                db.NotificationPreferences.Add(new NotificationPreference(command.MemberId, setting.Kind, setting.InApp, email));
            }
            else
            {
                existing.Change(setting.InApp, email);
            }
        }

        if (command.Digest is { } digest)
        {
            var frequency = Enum.Parse<DigestFrequency>(digest.Frequency, ignoreCase: true);
            var existing = await db.DigestPreferences.SingleOrDefaultAsync(p => p.MemberId == command.MemberId, cancellationToken);
            if (existing is null)
            {
                db.DigestPreferences.Add(new DigestPreference(command.MemberId, frequency, digest.Hour));
            }
            else
            {
                existing.Change(frequency, digest.Hour);
            }
        }
    }
}
