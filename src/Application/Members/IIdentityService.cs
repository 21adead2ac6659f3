namespace Salon.Application.Members;

public enum PasswordSignInStatus
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
}

public sealed record PasswordSignInResult(PasswordSignInStatus Status, Guid? MemberId, bool EmailConfirmed, DateTime? LockedOutUntil);

/// <summary>A confirmed e-mail address; <c>NormalizedEmail</c> is upper-cased, as the outbox's undeliverable list is.</summary>
public sealed record ConfirmedAddress
{
    public Guid MemberId { get; init; }

    public string Email { get; init; } = string.Empty;

    public string NormalizedEmail { get; init; } = string.Empty;
}

public sealed record AccountSnapshot(Guid MemberId, string Email, bool EmailConfirmed, DateTime? LockedOutUntil);

/// <summary>Credentials: e-mail, password, confirmation and reset tokens, lockout. Implemented with
/// ASP.NET Core Identity in Infrastructure. Changes are staged in the unit of work and committed by
/// the use case's SaveChanges, together with everything else it changes. Tokens are URL-safe.</summary>
public interface IIdentityService
{
    Task<AccountSnapshot?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<AccountSnapshot?> GetAccountAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>Stages a new account. Throws a validation error for a password the identity system refuses.</summary>
    Task CreateAsync(Guid memberId, string email, string password, bool emailConfirmed, CancellationToken cancellationToken);

    /// <summary>Spends the time hashing a password would, without storing anything: paths that must not
    /// reveal whether an address is registered call it where the other path hashes.</summary>
    void HashForEqualTiming(string password);

    Task<string> CreateEmailConfirmationTokenAsync(Guid memberId);

    Task<bool> ConfirmEmailAsync(Guid memberId, string token);

    /// <summary>Checks a password for sign-in, counting failures towards lockout. Takes the same time
    /// whether or not the e-mail is registered.</summary>
    Task<PasswordSignInResult> PasswordSignInAsync(string email, string password, CancellationToken cancellationToken);

    Task<bool> CheckPasswordAsync(Guid memberId, string password);

    Task<string> CreatePasswordResetTokenAsync(Guid memberId);

    /// <summary>Resets the password with a token and lifts any lockout. False when the token is not valid.</summary>
    Task<bool> ResetPasswordAsync(Guid memberId, string token, string newPassword);

    /// <summary>False when the current password is wrong.</summary>
    Task<bool> ChangePasswordAsync(Guid memberId, string currentPassword, string newPassword);

    Task<string> CreateChangeEmailTokenAsync(Guid memberId, string newEmail);

    /// <summary>False when the token is not valid for this address.</summary>
    Task<bool> ChangeEmailAsync(Guid memberId, string newEmail, string token);

    /// <summary>Confirmed addresses as a composable view (no AsNoTracking: it is composed into other queries).</summary>
    IQueryable<ConfirmedAddress> ConfirmedAddresses { get; }

    Task<IReadOnlyDictionary<Guid, string>> ConfirmedEmailsAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken);

    /// <summary>Accounts whose e-mail was never confirmed, created before <paramref name="before"/>.</summary>
    Task<IReadOnlyList<Guid>> UnconfirmedCreatedBeforeAsync(DateTime before, CancellationToken cancellationToken);

    /// <summary>Stages removal of the account's credentials (e-mail, password hash, tokens).</summary>
    Task DeleteAsync(Guid memberId);
}
