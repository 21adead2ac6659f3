namespace Salon.Application.Members;

/// <summary>Credentials: e-mail, password, confirmation and reset tokens, lockout. Implemented with
/// ASP.NET Core Identity in Infrastructure. Changes are staged in the unit of work and committed by
/// the use case's SaveChanges, together with everything else it changes. Tokens are URL-safe.</summary>
public interface IIdentityService
{
    Task<AccountSnapshot?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<AccountSnapshot?> GetAccountAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>The key the identity store finds an address by (sign-ups are looked up by it too).</summary>
    string NormalizeEmail(string email);

    /// <summary>Hashes a new password as an account's is hashed, after the identity system's own checks
    /// (a validation error for a password it refuses). One hash, whoever asks.</summary>
    Task<string> HashNewPasswordAsync(string password);

    /// <summary>Checks a password against a hash made by <see cref="HashNewPasswordAsync"/>. With no hash it
    /// checks against a dummy one, so that it costs one verification either way.</summary>
    bool VerifyPassword(string? passwordHash, string password);

    /// <summary>Stages a new account with a confirmed address and an already hashed password.</summary>
    Task CreateAsync(Guid memberId, string email, string passwordHash, CancellationToken cancellationToken);

    /// <summary>Checks a password for sign-in, counting failures towards lockout. Every failure, for an
    /// unknown address, a wrong password or a locked account, runs the password hasher exactly once, and a
    /// locked account fails like a wrong password even with the right one.</summary>
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

    /// <summary>Stages removal of the account's credentials (e-mail, password hash, tokens).</summary>
    Task DeleteAsync(Guid memberId);
}
