namespace Salon.Application.Members;

public enum PasswordSignInStatus
{
    Succeeded,

    /// <summary>An unknown address, a wrong password or a locked account: the caller is not told which.</summary>
    Failed,

    /// <summary>Failed, and this failure locked the account: its owner is to be told (once per lockout).</summary>
    LockoutStarted,
}
