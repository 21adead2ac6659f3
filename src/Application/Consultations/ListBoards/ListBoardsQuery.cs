using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.ListBoards;

/// <summary>GET /api/boards, in their display order.</summary>
public sealed record ListBoardsQuery : IQuery<IReadOnlyList<BoardDto>>;

public sealed class ListBoardsQueryHandler(IConsultationsDb db) : IQueryHandler<ListBoardsQuery, IReadOnlyList<BoardDto>>
{
    public async ValueTask<IReadOnlyList<BoardDto>> Handle(ListBoardsQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.Boards.AsNoTracking()
            .OrderBy(b => b.SortOrder)
            .Select(b => new
            {
                Board = b,
                TopicCount = db.Topics.Count(t => t.BoardId == b.Id && t.DeletedAt == null && t.Visibility == PostVisibility.Visible),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new BoardDto(
            r.Board.Slug,
            r.Board.Name,
            r.Board.NameEn,
            r.Board.Description,
            r.Board.DescriptionEn,
            r.Board.Kind == BoardKind.Position ? "position" : "theme",
            FamilyPositionNames.ToNames(r.Board.Audience),
            r.Board.RepliesWelcomeByDefault,
            r.TopicCount)).ToList();
    }
}
