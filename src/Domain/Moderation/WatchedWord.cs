namespace Salon.Domain.Moderation;

/// <summary>A word admins watch for, matched like the crisis lexicon (folded text contains the folded word).</summary>
public sealed class WatchedWord
{
    /// <summary>How long a word may be as written.</summary>
    public const int MaxLength = 100;

    /// <summary>How long its folded form may be (the column's length): folding can spell a character out (NFKC), so a
    /// word within <see cref="MaxLength"/> can still fold longer.</summary>
    public const int MaxFoldedLength = 200;

    private WatchedWord()
    {
        Word = string.Empty;
        FoldedWord = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Word { get; private set; }

    public string FoldedWord { get; private set; }

    public WatchedWordAction Action { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static WatchedWord Create(string word, WatchedWordAction action, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Word = word.Trim(),
        FoldedWord = SafetyText.Fold(word),
        Action = action,
        CreatedAt = now,
    };
}
