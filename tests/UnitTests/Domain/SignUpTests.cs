using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.UnitTests.Domain;

public sealed class SignUpTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);

    private static SignUp NewSignUp() =>
        SignUp.Start(Guid.CreateVersion7(), "hana@example.com", "HANA@EXAMPLE.COM", "hash", "ＨＡＮＡ", FamilyPositions.Parent, "t", "s", Now, TimeSpan.FromDays(7));

    [Fact]
    public void A_sign_up_holds_its_normalised_nickname_until_confirmed()
    {
        var signUp = NewSignUp();
        Assert.Equal("hana", signUp.HeldNickname);

        signUp.IssueToken("abc", Now);
        var member = signUp.Confirm(Now.AddHours(1));

        Assert.Null(signUp.HeldNickname);
        Assert.Equal(string.Empty, signUp.PasswordHash);
        Assert.Equal(signUp.Id, member.Id);
        Assert.Equal("hana", member.NormalizedNickname);
        Assert.Equal(Now, member.TermsAcceptedAt);
        Assert.Equal(Now.AddHours(1), member.CreatedAt);
    }

    [Fact]
    public void A_token_works_for_24_hours_and_only_when_one_was_issued()
    {
        var signUp = NewSignUp();
        Assert.False(signUp.Accepts("abc", Now));

        signUp.IssueToken("abc", Now);
        Assert.True(signUp.Accepts("abc", Now.AddHours(23)));
        Assert.False(signUp.Accepts("abd", Now.AddHours(1)));
        Assert.False(signUp.Accepts("abc", Now.AddHours(24)));

        signUp.IssueToken("def", Now.AddHours(30));
        Assert.False(signUp.Accepts("abc", Now.AddHours(31)));
        Assert.True(signUp.Accepts("def", Now.AddHours(31)));
    }

    [Fact]
    public void An_expired_sign_up_cannot_be_confirmed()
    {
        var signUp = NewSignUp();
        signUp.IssueToken("abc", Now.AddDays(6).AddHours(23));
        Assert.False(signUp.Accepts("abc", Now.AddDays(7)));
    }

    [Fact]
    public void A_sign_up_needs_a_family_position()
    {
        var ex = Assert.Throws<SalonException>(() =>
            SignUp.Start(Guid.CreateVersion7(), "a@example.com", "A@EXAMPLE.COM", "hash", "はな", FamilyPositions.None, "t", "s", Now, TimeSpan.FromDays(7)));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
    }
}
