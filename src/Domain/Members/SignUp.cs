using System.Security.Cryptography;
using System.Text;
using Salon.Domain.Common;

namespace Salon.Domain.Members;

/// <summary>A registration waiting for its e-mail address to be confirmed. It is not a member: it has no
/// profile, cannot be blocked, suspended or given roles, and its id belongs to no member until the address
/// is confirmed, when the member is created with that id. Every registration makes one, whether or not the
/// address already has an account, so what anyone can observe is the same either way (ADR 0017); only a
/// sign-up for an address without an account is given a confirmation token. It holds its nickname until it
/// is confirmed or expires.</summary>
public sealed class SignUp
{
    /// <summary>How long a confirmation link works (the e-mail says 24 hours).</summary>
    public static TimeSpan TokenLifetime { get; } = TimeSpan.FromHours(24);

    private SignUp()
    {
        Email = string.Empty;
        NormalizedEmail = string.Empty;
        PasswordHash = string.Empty;
        Nickname = string.Empty;
        TermsVersion = string.Empty;
        SensitiveInfoConsentVersion = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; }

    /// <summary>As the identity store normalises addresses, to find the sign-ups of an address.</summary>
    public string NormalizedEmail { get; private set; }

    /// <summary>Hashed as an account's password is; emptied once the account holds it.</summary>
    public string PasswordHash { get; private set; }

    public string Nickname { get; private set; }

    /// <summary>The normalised nickname while the sign-up holds it (unique); null once confirmed (the member
    /// holds it then) or released after expiry.</summary>
    public string? HeldNickname { get; private set; }

    public FamilyPositions FamilyPositions { get; private set; }

    public string TermsVersion { get; private set; }

    public string SensitiveInfoConsentVersion { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>After this the sign-up can no longer be confirmed, holds nothing, and is removed.</summary>
    public DateTime ExpiresAt { get; private set; }

    /// <summary>SHA-256 of the confirmation token last sent; null when none was (the address had an account).</summary>
    public string? TokenHash { get; private set; }

    public DateTime? TokenIssuedAt { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    public static SignUp Start(
        Guid id,
        string email,
        string normalizedEmail,
        string passwordHash,
        string nickname,
        FamilyPositions positions,
        string termsVersion,
        string sensitiveInfoConsentVersion,
        DateTime now,
        TimeSpan retention)
    {
        Member.EnsureAnyPosition(positions);

        var valid = Members.Nickname.EnsureValid(nickname);
        return new SignUp
        {
            Id = id,
            Email = email,
            NormalizedEmail = normalizedEmail,
            PasswordHash = passwordHash,
            Nickname = valid,
            HeldNickname = Members.Nickname.Normalize(valid),
            FamilyPositions = positions,
            TermsVersion = termsVersion,
            SensitiveInfoConsentVersion = sensitiveInfoConsentVersion,
            CreatedAt = now,
            ExpiresAt = now + retention,
        };
    }

    /// <summary>A new confirmation token replaces the previous one.</summary>
    public void IssueToken(string tokenHash, DateTime now)
    {
        TokenHash = tokenHash;
        TokenIssuedAt = now;
    }

    /// <summary>Whether the token (given as its hash) confirms this sign-up now. Still true once confirmed,
    /// so that confirming twice with the same link is harmless.</summary>
    public bool Accepts(string tokenHash, DateTime now) =>
        TokenHash is not null
        && TokenIssuedAt + TokenLifetime > now
        && ExpiresAt > now
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(TokenHash), Encoding.ASCII.GetBytes(tokenHash));

    /// <summary>The address is confirmed: the member, with this sign-up's id, nickname and consent.</summary>
    public Member Confirm(DateTime now)
    {
        if (ConfirmedAt is not null)
        {
            throw new InvalidOperationException("The sign-up is already confirmed.");
        }

        ConfirmedAt = now;
        HeldNickname = null;
        PasswordHash = string.Empty;
        return Member.Register(Id, Nickname, FamilyPositions, TermsVersion, SensitiveInfoConsentVersion, now, consentedAt: CreatedAt);
    }
}
