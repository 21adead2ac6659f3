namespace Salon.Application.Members;

/// <summary>That <see cref="MemberId"/>'s password was right when it was checked: the hash it matched. A write made on the
/// strength of it checks, under the member's row lock, that the account's password is still that one.</summary>
public sealed record PasswordProof(Guid MemberId, string PasswordHash);
