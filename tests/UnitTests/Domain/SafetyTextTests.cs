using Microsoft.Extensions.Options;
using Salon.Application.Moderation;
using Salon.Domain.Moderation;

namespace Salon.UnitTests.Domain;

public sealed class SafetyTextTests
{
    private static PostScreening Screening(params string[] terms)
    {
        var options = Options.Create(new SafetyOptions { CrisisTerms = [.. terms] });
        return new(options, new CrisisLexicon(options), null!);
    }

    [Theory]
    [InlineData("し に た い")]
    [InlineData("シニタイ")]
    [InlineData("ｼﾆﾀｲ")]
    [InlineData("もう、しにたい…")]
    public void Kana_variants_of_a_crisis_phrase_fold_to_the_same_text(string text) =>
        Assert.Contains(SafetyText.Fold("しにたい"), SafetyText.Fold(text), StringComparison.Ordinal);

    [Theory]
    [InlineData("死にたい")]
    [InlineData("死・に・た・い")]
    [InlineData("死 ニ タ イ")]
    public void Kanji_variants_fold_to_the_same_text(string text) =>
        Assert.Contains(SafetyText.Fold("死にたい"), SafetyText.Fold(text), StringComparison.Ordinal);

    [Theory]
    [InlineData("もうしにたい", true)]
    [InlineData("シ ニ タ イ", true)]
    [InlineData("死にたいほど笑った", true)] // reviewable, never blocked
    [InlineData("昨日ODしてしまった", true)]
    [InlineData("OD した", true)]
    [InlineData("It was a good day", false)]
    [InlineData("リストカットの跡", true)]
    [InlineData("ＲＩＳＵＫＡ", false)]
    [InlineData("I want to die", true)]
    [InlineData("穏やかな一日でした", false)]
    public void The_lexicon_matches_through_spacing_width_and_kana_but_short_latin_terms_only_as_words(string text, bool crisis)
    {
        // Kanji and kana spellings are both in the lexicon, as in appsettings.json: folding cannot read kanji.
        var screening = Screening("死にたい", "しにたい", "OD", "リストカット", "want to die");
        var matched = screening.MatchedCrisisTerms(SafetyText.Fold(text), text);
        Assert.Equal(crisis, matched.Count > 0);
    }

    [Fact]
    public void A_term_of_symbols_only_matches_nothing_rather_than_everything()
    {
        // It folds to the empty string, which every text contains.
        var screening = Screening("…", "・・", "しにたい");
        Assert.Empty(screening.MatchedCrisisTerms(SafetyText.Fold("穏やかな一日でした…"), "穏やかな一日でした…"));
        Assert.Equal(["しにたい"], screening.MatchedCrisisTerms(SafetyText.Fold("しにたい…"), "しにたい…"));
    }

    [Fact]
    public void A_term_of_combining_marks_only_matches_nothing_rather_than_every_emoji()
    {
        // U+FE0F folds to itself and follows every ❤️ and ☺️.
        var screening = Screening("\uFE0F", " \u0301 ", "しにたい");
        Assert.Empty(screening.MatchedCrisisTerms(SafetyText.Fold("ありがとう❤️"), "ありがとう❤️"));
        Assert.False(SafetyText.HasBaseCharacter(SafetyText.Fold("\u200B\u3099\u0301")));
        Assert.True(SafetyText.HasBaseCharacter(SafetyText.Fold("カ\u3099")));
    }

    [Fact]
    public void Folding_removes_symbols_and_spaces_and_lowercases()
    {
        Assert.Equal("オーバードーズ", SafetyText.Fold("おーばーどーず"));
        Assert.Equal("killmyself", SafetyText.Fold("Kill   my-self!"));
    }
}
