using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.WebUtilities;
using Salon.Application.Common.Time;
using Salon.Application.Members;
using Salon.Domain.Common;
using Salon.Domain.Members;
using Salon.Infrastructure.Persistence;

namespace Salon.Infrastructure.Identity;

/// <summary><see cref="IIdentityService"/> on ASP.NET Core Identity. Changes are staged (the store does
/// not save); the use case commits them. The methods that write run under the member's row lock and start from the account
/// as the database has it then (<see cref="CurrentAsync"/>), never from a copy read before the lock.</summary>
public sealed class IdentityService(UserManager<SalonUser> users, IPasswordHasher<SalonUser> hasher, SalonDbContext context, TimeProvider time) : IIdentityService
{
    // Verified against when there is no hash to check, so a miss costs as much as a hit.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<SalonUser>().HashPassword(new SalonUser(), Guid.NewGuid().ToString()));

    public async Task<AccountSnapshot?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        Snapshot(await users.FindByEmailAsync(email));

    public async Task<AccountSnapshot?> GetAccountAsync(Guid memberId, CancellationToken cancellationToken) =>
        Snapshot(await users.FindByIdAsync(memberId.ToString()));

    public string NormalizeEmail(string email) => users.NormalizeEmail(email) ?? email;

    public async Task<string> HashNewPasswordAsync(string password, string field)
    {
        var user = new SalonUser();
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        ThrowIfFailed(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]), field);
        return hasher.HashPassword(user, password);
    }

    public bool VerifyPassword(string? passwordHash, string password)
    {
        var known = passwordHash is { Length: > 0 };
        var result = hasher.VerifyHashedPassword(new SalonUser(), known ? passwordHash! : DummyHash.Value, password);
        return known && result != PasswordVerificationResult.Failed;
    }

    public async Task CreateAsync(Guid memberId, string email, string passwordHash, CancellationToken cancellationToken)
    {
        var user = new SalonUser
        {
            Id = memberId,
            UserName = memberId.ToString("N"),
            Email = email,
            EmailConfirmed = true,
            PasswordHash = passwordHash,
            CreatedAt = time.UtcNow(),
        };
        ThrowIfFailed(await users.CreateAsync(user));
    }

    public async Task<SignInAttempt> VerifySignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var normalized = NormalizeEmail(email);
        var user = await users.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is not { PasswordHash.Length: > 0 })
        {
            VerifyPassword(null, password);
            return new SignInAttempt(null, null, null);
        }

        // Verified even when the account is locked, so that a locked account costs what any other failure costs; whether
        // it is locked is decided under the lock (RecordSignInAsync).
        return hasher.VerifyHashedPassword(user, user.PasswordHash, password) switch
        {
            PasswordVerificationResult.Failed => new SignInAttempt(user.Id, null, null),
            PasswordVerificationResult.SuccessRehashNeeded => new SignInAttempt(user.Id, new PasswordProof(user.Id, user.PasswordHash), hasher.HashPassword(user, password)),
            _ => new SignInAttempt(user.Id, new PasswordProof(user.Id, user.PasswordHash), null),
        };
    }

    public async Task<PasswordSignInResult> RecordSignInAsync(SignInAttempt attempt, CancellationToken cancellationToken)
    {
        if (attempt.MemberId is not { } memberId || await CurrentAsync(memberId, cancellationToken) is not { } user)
        {
            return PasswordSignInResult.Failed;
        }

        // Refused even when right, or the lockout would not stop guessing; and not counted.
        if (await users.IsLockedOutAsync(user))
        {
            return PasswordSignInResult.Failed;
        }

        if (attempt.Proof is { } proof && StillHolds(user, proof))
        {
            if (attempt.UpgradedPasswordHash is { } upgraded)
            {
                user.PasswordHash = upgraded;
                await users.UpdateAsync(user);
            }

            await users.ResetAccessFailedCountAsync(user);
            return new PasswordSignInResult(PasswordSignInStatus.Succeeded, user.Id, user.EmailConfirmed);
        }

        // A wrong password, or a right one for a password changed since it was checked: one failure.
        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user)
            ? new PasswordSignInResult(PasswordSignInStatus.LockoutStarted, user.Id, user.EmailConfirmed)
            : PasswordSignInResult.Failed;
    }

    public async Task<PasswordProof?> ProvePasswordAsync(Guid memberId, string password, CancellationToken cancellationToken)
    {
        var user = await ReadAsync(memberId, cancellationToken);
        return user is { PasswordHash.Length: > 0 } && hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed
            ? new PasswordProof(user.Id, user.PasswordHash)
            : null;
    }

    public async Task<bool> CheckPasswordAsync(Guid memberId, string password, CancellationToken cancellationToken) =>
        await ProvePasswordAsync(memberId, password, cancellationToken) is not null;

    public async Task<string> CreatePasswordResetTokenAsync(Guid memberId) =>
        Encode(await users.GeneratePasswordResetTokenAsync(await RequireAsync(memberId)));

    public async Task<bool> IsPasswordResetTokenValidAsync(Guid memberId, string token) =>
        await ReadAsync(memberId, CancellationToken.None) is { } user && await IsPasswordResetTokenValidAsync(user, token);

    public async Task<bool> ResetPasswordAsync(Guid memberId, string token, string newPasswordHash, CancellationToken cancellationToken)
    {
        if (await CurrentAsync(memberId, cancellationToken) is not { } user || !await IsPasswordResetTokenValidAsync(user, token))
        {
            return false;
        }

        await SetPasswordHashAsync(user, newPasswordHash);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return true;
    }

    public async Task<bool> ChangePasswordAsync(PasswordProof current, string newPasswordHash, CancellationToken cancellationToken)
    {
        if (await CurrentAsync(current.MemberId, cancellationToken) is not { } user || !StillHolds(user, current))
        {
            return false;
        }

        await SetPasswordHashAsync(user, newPasswordHash);
        return true;
    }

    public async Task<string> CreateChangeEmailTokenAsync(Guid memberId, string newEmail) =>
        Encode(await users.GenerateChangeEmailTokenAsync(await RequireAsync(memberId), newEmail));

    public async Task<bool> IsChangeEmailTokenValidAsync(Guid memberId, string newEmail, string token) =>
        await ReadAsync(memberId, CancellationToken.None) is { } user
        && await IsTokenValidAsync(user, users.Options.Tokens.ChangeEmailTokenProvider, UserManager<SalonUser>.GetChangeEmailTokenPurpose(newEmail), token);

    public async Task<bool> ChangeEmailAsync(Guid memberId, string newEmail, string token, CancellationToken cancellationToken)
    {
        var user = await CurrentAsync(memberId, cancellationToken);
        if (user is null || Decode(token) is not { } decoded)
        {
            return false;
        }

        var result = await users.ChangeEmailAsync(user, newEmail, decoded);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail)))
        {
            throw MemberErrors.EmailUnavailable.Error();
        }

        return result.Succeeded;
    }

    public IQueryable<ConfirmedAddress> ConfirmedAddresses => users.Users
        .Where(u => u.EmailConfirmed && u.Email != null && u.NormalizedEmail != null)
        .Select(u => new ConfirmedAddress { MemberId = u.Id, Email = u.Email!, NormalizedEmail = u.NormalizedEmail! });

    public async Task<IReadOnlyDictionary<Guid, string>> ConfirmedEmailsAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken) =>
        await users.Users.Where(u => memberIds.Contains(u.Id) && u.EmailConfirmed && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);

    public async Task DeleteAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var user = await CurrentAsync(memberId, cancellationToken);
        if (user is not null)
        {
            ThrowIfFailed(await users.DeleteAsync(user));
        }
    }

    private static AccountSnapshot? Snapshot(SalonUser? user) => user is null
        ? null
        : new AccountSnapshot(user.Id, user.Email ?? string.Empty, user.EmailConfirmed);

    /// <summary>The account as the database has it now, tracked for the change to come. Called under the member's row lock;
    /// a copy this unit of work read earlier (before the lock) is read again, since another request may have changed the
    /// row in between, and the change would then fail the row's concurrency check.</summary>
    private async Task<SalonUser?> CurrentAsync(Guid memberId, CancellationToken cancellationToken)
    {
        if (context.ChangeTracker.Entries<SalonUser>().FirstOrDefault(e => e.Entity.Id == memberId) is not { } tracked)
        {
            return await users.FindByIdAsync(memberId.ToString());
        }

        await tracked.ReloadAsync(cancellationToken);
        return tracked.State == EntityState.Detached ? null : tracked.Entity;
    }

    private static bool StillHolds(SalonUser user, PasswordProof proof) =>
        user.Id == proof.MemberId && string.Equals(user.PasswordHash, proof.PasswordHash, StringComparison.Ordinal);

    /// <summary>As Identity sets a new password: the hash, and a new security stamp, which spends the account's tokens
    /// (password reset, address change).</summary>
    private async Task SetPasswordHashAsync(SalonUser user, string passwordHash)
    {
        user.PasswordHash = passwordHash;
        ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
    }

    private Task<bool> IsPasswordResetTokenValidAsync(SalonUser user, string token) =>
        IsTokenValidAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<SalonUser>.ResetPasswordTokenPurpose, token);

    /// <summary>Whether an e-mail link's token (as the link carries it) is one this account issued for the purpose.</summary>
    private async Task<bool> IsTokenValidAsync(SalonUser user, string provider, string purpose, string token) =>
        Decode(token) is { } decoded && await users.VerifyUserTokenAsync(user, provider, purpose, decoded);

    /// <summary>The account as it is, untracked: for checks made before the member's row lock, which change nothing.</summary>
    private Task<SalonUser?> ReadAsync(Guid memberId, CancellationToken cancellationToken) =>
        users.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == memberId, cancellationToken);

    private async Task<SalonUser> RequireAsync(Guid memberId) =>
        await users.FindByIdAsync(memberId.ToString()) ?? throw SalonException.NotFound();

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Identity's own messages are English-only; turn the ones a member can cause into ours.</summary>
    private static void ThrowIfFailed(IdentityResult result, string passwordField = "password")
    {
        if (result.Succeeded)
        {
            return;
        }

        var failures = result.Errors.Select(e => e.Code switch
        {
            var c when c.StartsWith("Password", StringComparison.Ordinal) => new ValidationFailure(
                passwordField,
                new LocalizedText("このパスワードは使えません。8文字以上の、推測されにくいものにしてください。", "This password cannot be used. Choose one of at least 8 characters that is hard to guess.").Current),
            nameof(IdentityErrorDescriber.InvalidEmail) => new ValidationFailure(
                "email",
                new LocalizedText("メールアドレスの形式が正しくありません。", "Enter a valid e-mail address.").Current),
            nameof(IdentityErrorDescriber.DuplicateEmail) => new ValidationFailure(
                "email",
                new LocalizedText("このメールアドレスは使用できません。", "This e-mail address cannot be used.").Current),
            _ => throw new InvalidOperationException($"Identity refused the change: {e.Code}."),
        });
        throw new ValidationException(failures);
    }
}
