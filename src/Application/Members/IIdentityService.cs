namespace Salon.Application.Members;

/// <summary>Credentials: e-mail, password, confirmation and reset tokens, lockout. Implemented with
/// ASP.NET Core Identity in Infrastructure. Changes are staged in the unit of work and committed by
/// the use case's SaveChanges, together with everything else it changes. Tokens are URL-safe.
/// <para>A write to an account runs in a transaction under the member's row lock (<c>MemberRowLock</c>), and the methods
/// that write read the account afresh there, so two requests on one account at once are one after the other. The password
/// hashing they need (0.5 s) happens before, outside the lock: <see cref="VerifySignInAsync"/>, <see cref="ProvePasswordAsync"/>
/// and <see cref="HashNewPasswordAsync"/> read and compute only (docs/adr/0046).</para></summary>
public interface IIdentityService
{
    Task<AccountSnapshot?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<AccountSnapshot?> GetAccountAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>The key the identity store finds an address by (sign-ups are looked up by it too).</summary>
    string NormalizeEmail(string email);

    /// <summary>Hashes a new password as an account's is hashed, after the identity system's own checks
    /// (a validation error on <paramref name="field"/> for a password it refuses). One hash, whoever asks.</summary>
    Task<string> HashNewPasswordAsync(string password, string field);

    /// <summary>Checks a password against a hash made by <see cref="HashNewPasswordAsync"/>. With no hash it
    /// checks against a dummy one, so that it costs one verification either way.</summary>
    bool VerifyPassword(string? passwordHash, string password);

    /// <summary>Stages a new account with a confirmed address and an already hashed password.</summary>
    Task CreateAsync(Guid memberId, string email, string passwordHash, CancellationToken cancellationToken);

    /// <summary>The first half of a password sign-in, outside any lock, writing nothing: finds the account by address
    /// and verifies the password against its hash, or against a dummy hash when there is no account. Every attempt, for an
    /// unknown address, a wrong password or a locked account, runs the password hasher exactly once.</summary>
    Task<SignInAttempt> VerifySignInAsync(string email, string password, CancellationToken cancellationToken);

    /// <summary>The second half, under the member's row lock: stages the attempt's outcome on the account as it is now. A
    /// locked account fails (even with the right password, or the lockout would not stop guessing) and the failure is not
    /// counted; a right password that is still the account's succeeds and clears the failure count; anything else counts
    /// one failure, which may start a lockout.</summary>
    Task<PasswordSignInResult> RecordSignInAsync(SignInAttempt attempt, CancellationToken cancellationToken);

    /// <summary>The account's password is <paramref name="password"/>: the proof, or null when it is not (or there is no
    /// account). One verification; nothing is written.</summary>
    Task<PasswordProof?> ProvePasswordAsync(Guid memberId, string password, CancellationToken cancellationToken);

    Task<bool> CheckPasswordAsync(Guid memberId, string password, CancellationToken cancellationToken);

    Task<string> CreatePasswordResetTokenAsync(Guid memberId);

    /// <summary>Whether the token would reset the account's password now. Writes nothing.</summary>
    Task<bool> IsPasswordResetTokenValidAsync(Guid memberId, string token);

    /// <summary>Under the member's row lock: checks the token against the account as it is now (a reset or a password change
    /// spends it), sets the password to <paramref name="newPasswordHash"/> (from <see cref="HashNewPasswordAsync"/>) and
    /// lifts any lockout. False when the token is not valid.</summary>
    Task<bool> ResetPasswordAsync(Guid memberId, string token, string newPasswordHash, CancellationToken cancellationToken);

    /// <summary>Under the member's row lock: sets the password to <paramref name="newPasswordHash"/> (from
    /// <see cref="HashNewPasswordAsync"/>) if the account's password is still the one <paramref name="current"/> proved.
    /// False when it has changed since.</summary>
    Task<bool> ChangePasswordAsync(PasswordProof current, string newPasswordHash, CancellationToken cancellationToken);

    Task<string> CreateChangeEmailTokenAsync(Guid memberId, string newEmail);

    /// <summary>Reads only: whether the token is one the account, as it is now, issued for this new address. Checked before
    /// the member's row lock is taken, so that a wrong link costs a read, not a write (docs/adr/0046).</summary>
    Task<bool> IsChangeEmailTokenValidAsync(Guid memberId, string newEmail, string token);

    /// <summary>Under the member's row lock: changes the address of the account as it is now. False when the token is not
    /// valid for this address (a change of address or password since spends it).</summary>
    Task<bool> ChangeEmailAsync(Guid memberId, string newEmail, string token, CancellationToken cancellationToken);

    /// <summary>Confirmed addresses as a composable view (no AsNoTracking: it is composed into other queries).</summary>
    IQueryable<ConfirmedAddress> ConfirmedAddresses { get; }

    Task<IReadOnlyDictionary<Guid, string>> ConfirmedEmailsAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken);

    /// <summary>Under the member's row lock: stages removal of the account's credentials (e-mail, password hash, tokens).</summary>
    Task DeleteAsync(Guid memberId, CancellationToken cancellationToken);
}
