using Salon.Domain.Common;
using Salon.Domain.Members.Events;

namespace Salon.Domain.Members;

/// <summary>A member of the community: their public profile, positions, roles and standing.
/// Credentials (e-mail, password) live with the identity store, keyed by the same id.</summary>
public sealed class Member : Entity
{
    public const int BioMaxLength = 500;

    private Member()
    {
        Nickname = string.Empty;
        NormalizedNickname = string.Empty;
        Bio = string.Empty;
        TermsVersion = string.Empty;
        SensitiveInfoConsentVersion = string.Empty;
    }

    public string Nickname { get; private set; }

    /// <summary>NFKC + case-folded nickname; unique. Null once the member has left, so the name is free again.</summary>
    public string? NormalizedNickname { get; private set; }

    public FamilyPositions FamilyPositions { get; private set; }

    public string Bio { get; private set; }

    public MemberRoles Roles { get; private set; }

    public MemberStatus Status { get; private set; }

    public DateTime? SuspendedUntil { get; private set; }

    public string? SuspensionReason { get; private set; }

    public string TermsVersion { get; private set; }

    public DateTime TermsAcceptedAt { get; private set; }

    public string SensitiveInfoConsentVersion { get; private set; }

    public DateTime SensitiveInfoConsentedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? DeletedAt { get; private set; }

    /// <summary>When the member last used the site, to within <see cref="LastSeenPrecision"/>: digests go
    /// only to members who have not been around since the last one. Never shown to anyone.</summary>
    public DateTime? LastSeenAt { get; private set; }

    /// <summary>Last-seen is written at most this often per member, so reading the site costs no write.</summary>
    public static TimeSpan LastSeenPrecision { get; } = TimeSpan.FromMinutes(5);

    public bool IsOfficial => (Roles & MemberRoles.Official) != 0;

    /// <summary>A new member's id: random (UUID version 4), not <c>Guid.CreateVersion7</c> as every other id. A member's id
    /// is public on their named posts and profile, and a version 7 id carries its creation time to the millisecond, while
    /// the profile promises the month of joining only (docs/adr/0058).</summary>
    public static Guid NewId() => Guid.NewGuid();

    public static Member Register(
        Guid id,
        string nickname,
        FamilyPositions positions,
        string termsVersion,
        string sensitiveInfoConsentVersion,
        DateTime now,
        bool allowReservedNickname = false,
        DateTime? consentedAt = null)
    {
        EnsureAnyPosition(positions);

        var valid = Members.Nickname.EnsureValid(nickname, allowReservedNickname);
        var member = new Member
        {
            Id = id,
            Nickname = valid,
            NormalizedNickname = Members.Nickname.Normalize(valid),
            FamilyPositions = positions,
            Roles = MemberRoles.None,
            Status = MemberStatus.Active,
            TermsVersion = termsVersion,
            TermsAcceptedAt = consentedAt ?? now,
            SensitiveInfoConsentVersion = sensitiveInfoConsentVersion,
            SensitiveInfoConsentedAt = consentedAt ?? now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        member.Raise(new MemberRegistered(id, now));
        return member;
    }

    public void ChangeNickname(string nickname, DateTime now)
    {
        EnsureNotDeleted();
        var valid = Members.Nickname.EnsureValid(nickname);
        Nickname = valid;
        NormalizedNickname = Members.Nickname.Normalize(valid);
        UpdatedAt = now;
    }

    public void ChangeFamilyPositions(FamilyPositions positions, DateTime now)
    {
        EnsureNotDeleted();
        EnsureAnyPosition(positions);

        FamilyPositions = positions;
        UpdatedAt = now;
    }

    public void ChangeBio(string bio, DateTime now)
    {
        EnsureNotDeleted();
        var trimmed = bio.Trim();
        if (trimmed.Length > BioMaxLength)
        {
            throw MemberErrors.BioTooLong.ForField("bio");
        }

        Bio = trimmed;
        UpdatedAt = now;
    }

    public void SetRoles(MemberRoles roles, DateTime now)
    {
        EnsureNotDeleted();
        if (roles == Roles)
        {
            return;
        }

        var previous = Roles;
        Roles = roles;
        UpdatedAt = now;
        Raise(new MemberRolesChanged(Id, previous, roles, now));
    }

    /// <summary>Whether the member may sign in at <paramref name="now"/>.</summary>
    public bool IsSuspendedAt(DateTime now) =>
        Status == MemberStatus.Suspended && (SuspendedUntil is null || SuspendedUntil > now);

    public void Suspend(DateTime? until, string reason, DateTime now)
    {
        EnsureNotDeleted();
        Status = MemberStatus.Suspended;
        SuspendedUntil = until;
        SuspensionReason = reason;
        UpdatedAt = now;
    }

    public void Unsuspend(DateTime now)
    {
        EnsureNotDeleted();
        Status = MemberStatus.Active;
        SuspendedUntil = null;
        SuspensionReason = null;
        UpdatedAt = now;
    }

    /// <summary>Leaves the community: the profile is wiped, the nickname freed, and every module is told
    /// (through <see cref="MemberDeleted"/>) to delete or anonymise what the member wrote.</summary>
    public void Delete(ContentHandling contentHandling, DateTime now)
    {
        EnsureNotDeleted();
        Status = MemberStatus.Deleted;
        Nickname = AuthorNames.Departed;
        NormalizedNickname = null;
        Bio = string.Empty;
        FamilyPositions = FamilyPositions.None;
        Roles = MemberRoles.None;
        SuspendedUntil = null;
        SuspensionReason = null;
        DeletedAt = now;
        UpdatedAt = now;
        Raise(new MemberDeleted(Id, contentHandling, now));
    }

    /// <summary>Everyone takes part as at least one family position.</summary>
    internal static void EnsureAnyPosition(FamilyPositions positions)
    {
        if (positions == FamilyPositions.None)
        {
            throw MemberErrors.FamilyPositionsRequired.ForField("familyPositions");
        }
    }

    private void EnsureNotDeleted()
    {
        if (Status == MemberStatus.Deleted)
        {
            throw SalonException.NotFound();
        }
    }
}
