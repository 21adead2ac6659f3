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

namespace Salon.Infrastructure.Identity;

/// <summary><see cref="IIdentityService"/> on ASP.NET Core Identity. Changes are staged (the store does
/// not save); the use case commits them.</summary>
public sealed class IdentityService(UserManager<SalonUser> users, IPasswordHasher<SalonUser> hasher, TimeProvider time) : IIdentityService
{
    // Verified against when there is no hash to check, so a miss costs as much as a hit.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<SalonUser>().HashPassword(new SalonUser(), Guid.NewGuid().ToString()));

    public async Task<AccountSnapshot?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        Snapshot(await users.FindByEmailAsync(email));

    public async Task<AccountSnapshot?> GetAccountAsync(Guid memberId, CancellationToken cancellationToken) =>
        Snapshot(await users.FindByIdAsync(memberId.ToString()));

    public string NormalizeEmail(string email) => users.NormalizeEmail(email) ?? email;

    public async Task<string> HashNewPasswordAsync(string password)
    {
        var user = new SalonUser();
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        ThrowIfFailed(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
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

    public async Task<PasswordSignInResult> PasswordSignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not { PasswordHash.Length: > 0 })
        {
            VerifyPassword(null, password);
            return PasswordSignInResult.Failed;
        }

        // Checked all the same, so that a locked account costs what any other failure costs; and refused
        // even when right, or the lockout would not stop guessing.
        if (await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(user, user.PasswordHash, password);
            return PasswordSignInResult.Failed;
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return new PasswordSignInResult(PasswordSignInStatus.Succeeded, user.Id, user.EmailConfirmed);
        }

        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user)
            ? new PasswordSignInResult(PasswordSignInStatus.LockoutStarted, user.Id, user.EmailConfirmed)
            : PasswordSignInResult.Failed;
    }

    public async Task<bool> CheckPasswordAsync(Guid memberId, string password)
    {
        var user = await users.FindByIdAsync(memberId.ToString());
        return user is not null && await users.CheckPasswordAsync(user, password);
    }

    public async Task<string> CreatePasswordResetTokenAsync(Guid memberId) =>
        Encode(await users.GeneratePasswordResetTokenAsync(await RequireAsync(memberId)));

    public async Task<bool> ResetPasswordAsync(Guid memberId, string token, string newPassword)
    {
        var user = await users.FindByIdAsync(memberId.ToString());
        if (user is null || Decode(token) is not { } decoded)
        {
            return false;
        }

        var result = await users.ResetPasswordAsync(user, decoded, newPassword);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            return false;
        }

        ThrowIfFailed(result, passwordField: "newPassword");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return true;
    }

    public async Task<bool> ChangePasswordAsync(Guid memberId, string currentPassword, string newPassword)
    {
        var user = await RequireAsync(memberId);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            return false;
        }

        ThrowIfFailed(result, passwordField: "newPassword");
        return true;
    }

    public async Task<string> CreateChangeEmailTokenAsync(Guid memberId, string newEmail) =>
        Encode(await users.GenerateChangeEmailTokenAsync(await RequireAsync(memberId), newEmail));

    public async Task<bool> ChangeEmailAsync(Guid memberId, string newEmail, string token)
    {
        var user = await users.FindByIdAsync(memberId.ToString());
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

    public async Task DeleteAsync(Guid memberId)
    {
        var user = await users.FindByIdAsync(memberId.ToString());
        if (user is not null)
        {
            ThrowIfFailed(await users.DeleteAsync(user));
        }
    }

    private static AccountSnapshot? Snapshot(SalonUser? user) => user is null
        ? null
        : new AccountSnapshot(user.Id, user.Email ?? string.Empty, user.EmailConfirmed);

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
