using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Time;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.Login;

/// <summary>The checks every password sign-in makes (API login, dashboard). Whether an address has an
/// account, is locked or has a pending sign-up shows in no answer and in no difference in the hashing
/// work, which is what a caller could time (ADR 0017): every failure is the same
/// <c>401 invalid-credentials</c> after the same two password verifications, one against the account (or a dummy) and one against the address's newest
/// pending sign-up (or a dummy). Only a right password earns a more specific answer: a pending sign-up's
/// password gets <c>403 email-not-confirmed</c>, a suspended member's <c>403 account-suspended</c>.</summary>
public sealed class PasswordCheck(
    IMembersDb db,
    IIdentityService identity,
    IEmailOutbox outbox,
    TimeProvider time,
    IOptions<SalonOptions> options)
{
    /// <summary>The member whose password this is; failed attempts and a lockout notice are committed.</summary>
    public async Task<Member> CheckAsync(string email, string password, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var address = email.Trim();
        var result = await identity.PasswordSignInAsync(address, password, cancellationToken);
        if (result.Status == PasswordSignInStatus.LockoutStarted)
        {
            await TellOwnerOfLockoutAsync(result.MemberId!.Value, cancellationToken);
        }

        if (result.Status != PasswordSignInStatus.Succeeded)
        {
            var pending = await db.SignUps.NewestForAsync(identity.NormalizeEmail(address), now, cancellationToken);
            var pendingPasswordIsRight = identity.VerifyPassword(pending?.PasswordHash, password);

            // Failed attempts count towards lockout even though the sign-in fails: commit them first.
            await db.SaveChangesAsync(cancellationToken);
            throw pendingPasswordIsRight ? EmailNotConfirmed() : InvalidCredentials();
        }

        await db.SaveChangesAsync(cancellationToken);
        if (!result.EmailConfirmed)
        {
            throw EmailNotConfirmed();
        }

        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == result.MemberId, cancellationToken);
        if (member is null || member.Status == MemberStatus.Deleted)
        {
            throw InvalidCredentials();
        }

        if (member.IsSuspendedAt(now))
        {
            throw Suspended(member.SuspendedUntil);
        }

        return member;
    }

    private static SalonException InvalidCredentials() => MemberErrors.InvalidCredentials.Error();

    private static SalonException EmailNotConfirmed() => MemberErrors.EmailNotConfirmed.Error();

    private static SalonException Suspended(DateTime? until) => new(
        MemberErrors.AccountSuspended,
        until is null
            ? null
            : new LocalizedText(
                $"このアカウントは {JapanTime.ToJst(until.Value).ToString("yyyy年M月d日 H:mm", CultureInfo.InvariantCulture)}（日本時間）まで利用停止中です。",
                $"This account is suspended until {until.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC."),
        new Dictionary<string, object?> { ["suspendedUntil"] = until?.ToString("O", CultureInfo.InvariantCulture) });

    /// <summary>Once per lockout (when it starts): a neutral e-mail with a link that resets the password,
    /// which lifts the lockout.</summary>
    private async Task TellOwnerOfLockoutAsync(Guid memberId, CancellationToken cancellationToken)
    {
        if (await identity.GetAccountAsync(memberId, cancellationToken) is not { EmailConfirmed: true } account)
        {
            return;
        }

        var token = await identity.CreatePasswordResetTokenAsync(memberId);
        outbox.Enqueue(MemberEmails.AccountLocked(memberId, account.Email, token, options.Value.PublicBaseUrl));
    }
}
