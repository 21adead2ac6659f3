using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;
using Salon.Application.Common.Time;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.SearchMembers;

/// <summary>GET /api/admin/members?nickname= (admins only): members whose nickname contains the text
/// (compared as nicknames are: NFKC, case-insensitive), oldest account first, with their roles and standing,
/// so an admin can grant or remove a role. Without a nickname: the members who hold a role (the staff).
/// Never an e-mail address, and deleted accounts are left out.</summary>
public sealed record SearchMembersQuery(string? Nickname, string? Cursor, int? Limit) : IQuery<Page<MemberAdminDto>>;

public sealed class SearchMembersQueryValidator : AbstractValidator<SearchMembersQuery>
{
    public SearchMembersQueryValidator()
    {
        RuleFor(q => q.Nickname).MaximumLength(Domain.Members.Nickname.MaxLength * 4);
    }
}

public sealed class SearchMembersQueryHandler(IMembersDb db, TimeProvider time) : IQueryHandler<SearchMembersQuery, Page<MemberAdminDto>>
{
    public async ValueTask<Page<MemberAdminDto>> Handle(SearchMembersQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Clamp(query.Limit);
        var members = db.Members.AsNoTracking().Where(m => m.Status != MemberStatus.Deleted);
        if (string.IsNullOrWhiteSpace(query.Nickname))
        {
            members = members.Where(m => m.Roles != MemberRoles.None);
        }
        else
        {
            var text = Domain.Members.Nickname.Normalize(query.Nickname);
            members = members.Where(m => m.NormalizedNickname != null && m.NormalizedNickname.Contains(text));
        }

        if (KeysetCursor.Decode(query.Cursor) is { } after)
        {
            members = members.Where(m => m.CreatedAt > after.At || (m.CreatedAt == after.At && m.Id.CompareTo(after.Id) > 0));
        }

        var rows = await members
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Take(limit + 1)
            .Select(m => new { m.Id, m.Nickname, m.Roles, m.Status, m.SuspendedUntil, m.CreatedAt })
            .ToListAsync(cancellationToken);

        var now = time.UtcNow();
        var items = rows.Take(limit).Select(m =>
        {
            var suspended = m.Status == MemberStatus.Suspended && (m.SuspendedUntil is null || m.SuspendedUntil > now);
            return new MemberAdminDto(m.Id, m.Nickname, MemberRoleNames.ToNames(m.Roles), suspended, suspended ? m.SuspendedUntil : null, m.CreatedAt);
        }).ToList();
        var next = rows.Count > limit ? new KeysetCursor(rows[limit - 1].CreatedAt, rows[limit - 1].Id).Encode() : null;
        return new Page<MemberAdminDto>(items, next);
    }
}
