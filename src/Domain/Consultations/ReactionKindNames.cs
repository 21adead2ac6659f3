namespace Salon.Domain.Consultations;

public static class ReactionKindNames
{
    public static string ToName(ReactionKind kind) => kind switch
    {
        ReactionKind.Relate => "relate",
        ReactionKind.Thanks => "thanks",
        _ => "support",
    };

    public static ReactionKind? Parse(string? name) => name switch
    {
        "relate" => ReactionKind.Relate,
        "thanks" => ReactionKind.Thanks,
        "support" => ReactionKind.Support,
        _ => null,
    };
}
