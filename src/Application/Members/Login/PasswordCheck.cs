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
/// password gets <c>403 email-not-confirmed</c>, a suspended member's <c>403 account-suspended</c>.
/// <para>The password is verified first, outside any lock; its outcome (the failure count, a lockout, its e-mail) is then
/// recorded in one short transaction under the member's row lock, on the account as it is then. So sign-ins sent at once
/// are recorded one after the other: every failure counts, and at most one starts a lockout (docs/adr/0046).</para></summary>
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
        var attempt = await identity.VerifySignInAsync(address, password, cancellationToken);

        // Failed attempts count towards lockout even though the sign-in fails: committed here, before the answer.
        var result = attempt.MemberId is { } memberId
            ? await db.InTransactionAsync(ct => RecordAsync(memberId, attempt, ct), cancellationToken)
            : PasswordSignInResult.Failed;
        if (result.Status != PasswordSignInStatus.Succeeded)
        {
            var pending = await db.SignUps.NewestForAsync(identity.NormalizeEmail(address), now, cancellationToken);
            throw identity.VerifyPassword(pending?.PasswordHash, password) ? EmailNotConfirmed() : InvalidCredentials();
        }

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

    private async Task<PasswordSignInResult> RecordAsync(Guid memberId, SignInAttempt attempt, CancellationToken cancellationToken)
    {
        await MemberRowLock.AcquireAsync(db, memberId, cancellationToken);
        var result = await identity.RecordSignInAsync(attempt, cancellationToken);
        if (result.Status == PasswordSignInStatus.LockoutStarted)
        {
            await TellOwnerOfLockoutAsync(memberId, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return result;
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
