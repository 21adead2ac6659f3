using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Domain.Moderation;

namespace Salon.Application.Moderation.GetWatchedWords;

/// <summary>GET /api/moderation/watched-words (admins).</summary>
public sealed record GetWatchedWordsQuery : IQuery<IReadOnlyList<WatchedWordDto>>;

public sealed class GetWatchedWordsQueryHandler(IModerationDb db) : IQueryHandler<GetWatchedWordsQuery, IReadOnlyList<WatchedWordDto>>
{
    public async ValueTask<IReadOnlyList<WatchedWordDto>> Handle(GetWatchedWordsQuery query, CancellationToken cancellationToken)
    {
        var words = await db.WatchedWords.AsNoTracking().OrderBy(w => w.Word).ToListAsync(cancellationToken);
        return words.Select(w => new WatchedWordDto(w.Word, ActionName(w.Action))).ToList();
    }

    public static string ActionName(WatchedWordAction action) => action switch
    {
        WatchedWordAction.Block => "block",
        WatchedWordAction.Hold => "hold",
        _ => "flag",
    };
}
