using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.UnitTests.Domain;

public sealed class NicknameTests
{
    [Theory]
    [InlineData("ＳＡＬＯＮ", "salon")]
    [InlineData("Salon", "salon")]
    [InlineData("  はな  ", "はな")]
    [InlineData("ﾊﾅ", "ハナ")]
    public void Normalisation_folds_width_and_case(string nickname, string expected) =>
        Assert.Equal(expected, Nickname.Normalize(nickname));

    [Theory]
    [InlineData("公式")]
    [InlineData("サロン運営")]
    [InlineData("Ａｄｍｉｎ")]
    [InlineData("a.d.m.i.n")]
    [InlineData("staff123")]
    [InlineData("匿名さん")]
    [InlineData("退会したメンバー")]
    [InlineData("匿名サン")]
    [InlineData("とくめいさん匿名サン")]
    [InlineData("すたっふ")]
    [InlineData("たいかいしためんばー退会シタメンバー")]
    public void Staff_and_placeholder_names_are_reserved(string nickname) => Assert.True(Nickname.IsReserved(nickname));

    [Theory]
    [InlineData("はな")]
    [InlineData("きょうだい3")]
    [InlineData("ゆきんこ")]
    public void Ordinary_names_are_not_reserved(string nickname) => Assert.False(Nickname.IsReserved(nickname));

    [Theory]
    [InlineData("あ", false)]
    [InlineData("あい", true)]
    [InlineData("12345678901234567890", true)]
    [InlineData("123456789012345678901", false)]
    [InlineData("👨‍👩‍👧👨‍👩‍👧", true)]
    public void Length_counts_what_a_reader_sees_as_characters(string nickname, bool valid) =>
        Assert.Equal(valid, Nickname.HasValidLength(nickname));

    [Fact]
    public void Control_and_invisible_format_characters_are_refused()
    {
        Assert.False(Nickname.HasOnlyPrintableCharacters("は\u200bな"));
        Assert.False(Nickname.HasOnlyPrintableCharacters("は\nな"));
        Assert.True(Nickname.HasOnlyPrintableCharacters("はな"));
    }

    /// <summary>Letters that show as nothing (Hangul fillers, the blank braille pattern) made names that looked blank
    /// or, beside 匿名さん, like the placeholder itself (found by the thirteenth session's review).</summary>
    [Theory]
    [InlineData("\u3164\u3164")]
    [InlineData("\u2800\u2800")]
    [InlineData("匿名さん\u3164")]
    [InlineData("は\uffa0な")]
    [InlineData("\u115f\u1160な")]
    public void Letters_that_show_as_nothing_are_refused(string nickname) =>
        Assert.False(Nickname.HasOnlyPrintableCharacters(System.Text.RegularExpressions.Regex.Unescape(nickname)));

    [Fact]
    public void Ensure_valid_explains_in_both_languages()
    {
        var ex = Assert.Throws<SalonException>(() => Nickname.EnsureValid("運営"));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Equal("nickname-reserved", ex.Code);
        Assert.Contains("使えません", ex.Text.Ja, StringComparison.Ordinal);
        Assert.Contains("cannot be used", ex.Text.En, StringComparison.Ordinal);
        Assert.Equal("運営", Nickname.EnsureValid("運営", allowReserved: true));
    }
}
