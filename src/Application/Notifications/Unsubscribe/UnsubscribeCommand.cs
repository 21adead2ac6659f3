using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Application.Notifications.Contracts;
using Salon.Application.Notifications.DescribeUnsubscribe;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.Unsubscribe;

/// <summary>POST /api/unsubscribe?token= (RFC 8058 one-click): turns off the e-mail the link came with,
/// without signing in. Idempotent. In-app notices are left as they are.</summary>
public sealed record UnsubscribeCommand(string Token) : ICommand;

public sealed class UnsubscribeCommandValidator : AbstractValidator<UnsubscribeCommand>
{
    public UnsubscribeCommandValidator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(100);
}

public sealed class UnsubscribeCommandHandler(INotificationsDb db, IMemberContacts contacts) : ICommandHandler<UnsubscribeCommand>
{
    public async ValueTask<Unit> Handle(UnsubscribeCommand command, CancellationToken cancellationToken)
    {
        var token = await UnsubscribeTokens.FindValidAsync(db, contacts, command.Token, cancellationToken);
        if (token.Kind == "digest")
        {
            var digest = await db.DigestPreferences.SingleOrDefaultAsync(p => p.MemberId == token.MemberId, cancellationToken);
            if (digest is null)
            {
                db.DigestPreferences.Add(new DigestPreference(token.MemberId, DigestFrequency.Off, DigestPreference.DefaultHourJst));
            }
            else
            {
                digest.Change(DigestFrequency.Off, digest.HourJst);
            }
        }
        else
        {
            var preference = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.MemberId == token.MemberId && p.Kind == token.Kind, cancellationToken);
            var inApp = preference?.InApp ?? NotificationKinds.Defaults.First(d => d.Kind == token.Kind).InApp;
            if (preference is null)
            {
                db.NotificationPreferences.Add(new NotificationPreference(token.MemberId, token.Kind, inApp, EmailDelivery.Off));
            }
            else
            {
                preference.Change(inApp, EmailDelivery.Off);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
