using Salon.Domain.Common;
using Salon.Domain.Members;
using Salon.Domain.Members.Events;

namespace Salon.UnitTests.Domain;

public sealed class MemberTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);

    private static Member NewMember() =>
        Member.Register(Guid.CreateVersion7(), "はな", FamilyPositions.Sibling, "2026-11", "2026-11", Now);

    [Fact]
    public void Registering_records_consent_and_raises_an_event()
    {
        var member = NewMember();
        Assert.Equal("はな", member.NormalizedNickname);
        Assert.Equal(Now, member.TermsAcceptedAt);
        Assert.Equal(Now, member.SensitiveInfoConsentedAt);
        Assert.IsType<MemberRegistered>(Assert.Single(member.DomainEvents));
    }

    [Fact]
    public void A_member_needs_at_least_one_family_position()
    {
        var ex = Assert.Throws<SalonException>(() =>
            Member.Register(Guid.CreateVersion7(), "はな", FamilyPositions.None, "v", "v", Now));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public void Deleting_wipes_the_profile_frees_the_nickname_and_says_how_to_handle_content()
    {
        var member = NewMember();
        member.ChangeBio("母のこと", Now);
        member.SetRoles(MemberRoles.Moderator, Now);
        member.ClearDomainEvents();

        member.Delete(ContentHandling.Anonymize, Now.AddDays(1));

        Assert.Equal(MemberStatus.Deleted, member.Status);
        Assert.Equal(AuthorNames.Departed, member.Nickname);
        Assert.Null(member.NormalizedNickname);
        Assert.Equal(string.Empty, member.Bio);
        Assert.Equal(MemberRoles.None, member.Roles);
        var deleted = Assert.IsType<MemberDeleted>(Assert.Single(member.DomainEvents));
        Assert.Equal(ContentHandling.Anonymize, deleted.ContentHandling);
        Assert.Throws<SalonException>(() => member.Delete(ContentHandling.Delete, Now.AddDays(2)));
    }

    [Fact]
    public void A_suspension_ends_at_its_date()
    {
        var member = NewMember();
        member.Suspend(Now.AddDays(3), "荒らし", Now);
        Assert.True(member.IsSuspendedAt(Now.AddDays(1)));
        Assert.False(member.IsSuspendedAt(Now.AddDays(4)));
        member.Unsuspend(Now.AddDays(1));
        Assert.False(member.IsSuspendedAt(Now.AddDays(1)));
    }

    [Fact]
    public void Role_changes_raise_an_event_only_when_something_changes()
    {
        var member = NewMember();
        member.ClearDomainEvents();
        member.SetRoles(MemberRoles.None, Now);
        Assert.Empty(member.DomainEvents);
        member.SetRoles(MemberRoles.Official, Now);
        var changed = Assert.IsType<MemberRolesChanged>(Assert.Single(member.DomainEvents));
        Assert.Equal(MemberRoles.Official, changed.Current);
        Assert.True(member.IsOfficial);
    }

    [Fact]
    public void A_bio_has_a_length_limit()
    {
        var member = NewMember();
        Assert.Throws<SalonException>(() => member.ChangeBio(new string('あ', Member.BioMaxLength + 1), Now));
    }

    [Fact]
    public void Family_positions_and_roles_round_trip_through_their_names()
    {
        var positions = FamilyPositionNames.Parse(["parent", "spouse"]);
        Assert.Equal(FamilyPositions.Parent | FamilyPositions.Spouse, positions);
        Assert.Equal(["parent", "spouse"], FamilyPositionNames.ToNames(positions));
        Assert.Equal(["member", "moderator", "admin"], MemberRoleNames.ToNames(MemberRoles.Moderator | MemberRoles.Admin));
        Assert.Throws<ArgumentException>(() => FamilyPositionNames.Parse(["cousin"]));
    }

    [Fact]
    public void A_member_cannot_block_themself()
    {
        var id = Guid.CreateVersion7();
        Assert.Throws<SalonException>(() => MemberBlock.Create(id, id, Now));
    }

    [Fact]
    public void A_session_is_active_until_it_expires_or_is_revoked()
    {
        var session = MemberSession.Start(Guid.CreateVersion7(), Now, TimeSpan.FromDays(30));
        Assert.True(session.IsActiveAt(Now.AddDays(29)));
        Assert.False(session.IsActiveAt(Now.AddDays(31)));
        session.Revoke("logout", Now.AddDays(1));
        Assert.False(session.IsActiveAt(Now.AddDays(2)));
        Assert.Equal("logout", session.RevokedReason);
    }

    [Fact]
    public void A_new_nickname_is_checked_and_normalised_like_the_first()
    {
        var member = NewMember();

        member.ChangeNickname("  ＨＡＮＡ  ", Now.AddHours(1));

        Assert.Equal("ＨＡＮＡ", member.Nickname);
        Assert.Equal("hana", member.NormalizedNickname);
        Assert.Equal(Now.AddHours(1), member.UpdatedAt);
        Assert.Equal("nickname-reserved", Assert.Throws<SalonException>(() => member.ChangeNickname("運営", Now)).Code);
        Assert.Equal("nickname-invalid", Assert.Throws<SalonException>(() => member.ChangeNickname("は", Now)).Code);
        Assert.Equal("ＨＡＮＡ", member.Nickname);
    }

    [Fact]
    public void A_suspension_without_an_end_lasts_until_lifted()
    {
        var member = NewMember();

        member.Suspend(until: null, "運営判断", Now);

        Assert.True(member.IsSuspendedAt(Now.AddYears(10)));
        Assert.Equal(MemberStatus.Suspended, member.Status);
        member.Unsuspend(Now.AddDays(1));
        Assert.Null(member.SuspensionReason);
        Assert.False(member.IsSuspendedAt(Now.AddDays(1)));
    }

    [Fact]
    public void A_deleted_member_changes_no_more()
    {
        var member = NewMember();
        member.Delete(ContentHandling.Delete, Now);

        Assert.All(
            new Action[]
            {
                () => member.ChangeNickname("あたらしい", Now),
                () => member.ChangeBio("まだいます", Now),
                () => member.ChangeFamilyPositions(FamilyPositions.Parent, Now),
                () => member.SetRoles(MemberRoles.Official, Now),
                () => member.Suspend(null, "x", Now),
                () => member.Unsuspend(Now),
            },
            change => Assert.Equal(ErrorKind.NotFound, Assert.Throws<SalonException>(change).Kind));
        Assert.Equal(MemberRoles.None, member.Roles);
    }

    [Fact]
    public void Family_positions_can_change_but_never_to_none()
    {
        var member = NewMember();

        member.ChangeFamilyPositions(FamilyPositions.Parent | FamilyPositions.Spouse, Now);

        Assert.Equal(FamilyPositions.Parent | FamilyPositions.Spouse, member.FamilyPositions);
        Assert.Equal("family-positions-required", Assert.Throws<SalonException>(() => member.ChangeFamilyPositions(FamilyPositions.None, Now)).Code);
        Assert.Equal(FamilyPositions.Parent | FamilyPositions.Spouse, member.FamilyPositions);
    }
}
