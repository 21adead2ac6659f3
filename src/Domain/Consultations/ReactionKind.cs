namespace Salon.Domain.Consultations;

/// <summary>Empathy, never judgement: there are no negative reactions and no scores.</summary>
public enum ReactionKind
{
    /// <summary>わかる</summary>
    Relate = 0,

    /// <summary>ありがとう</summary>
    Thanks = 1,

    /// <summary>応援</summary>
    Support = 2,
}
