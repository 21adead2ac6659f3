namespace Salon.Application.Members;

/// <summary>A password checked for sign-in (<see cref="IIdentityService.VerifySignInAsync"/>), not yet recorded.
/// <see cref="MemberId"/> is null when the address has no account (nothing to record); <see cref="Proof"/> is null when the
/// password was wrong. <see cref="UpgradedPasswordHash"/> is the password hashed again when its hash is of an older format
/// or strength, to be stored with a successful sign-in.</summary>
public sealed record SignInAttempt(Guid? MemberId, PasswordProof? Proof, string? UpgradedPasswordHash);
