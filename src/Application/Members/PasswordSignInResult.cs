namespace Salon.Application.Members;

/// <summary><see cref="MemberId"/> is set on success and when a lockout started.</summary>
public sealed record PasswordSignInResult(PasswordSignInStatus Status, Guid? MemberId, bool EmailConfirmed)
{
    public static PasswordSignInResult Failed { get; } = new(PasswordSignInStatus.Failed, null, false);
}
