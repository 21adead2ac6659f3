using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;
using Salon.Application.Common.Time;
using Salon.Application.Common.Validation;
using Salon.Application.Members.Contracts;

namespace Salon.Application.Moderation.GetAuditLog;

/// <summary>GET /api/moderation/audit (moderators): who did what, when; newest first. Optional filters:
/// <paramref name="ActorId"/> (the moderator or admin who acted), <paramref name="Action"/> (exact, e.g.
/// <c>resolve:hide</c>, <c>suspend</c>), and the days <paramref name="From"/> to <paramref name="To"/>, both
/// included, as calendar days in Japan (like the insights summary).</summary>
public sealed record GetAuditLogQuery(string? Cursor, int? Limit, Guid? ActorId = null, string? Action = null, DateOnly? From = null, DateOnly? To = null)
    : IQuery<Page<AuditEntryDto>>;

public sealed class GetAuditLogQueryValidator : AbstractValidator<GetAuditLogQuery>
{
    public GetAuditLogQueryValidator()
    {
        RuleFor(q => q.Action).MaximumLength(64);
        RuleFor(q => q.From).PlausibleDay();
        RuleFor(q => q.To).PlausibleDay();
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}

public sealed class GetAuditLogQueryHandler(IModerationDb db, IMemberDirectory directory) : IQueryHandler<GetAuditLogQuery, Page<AuditEntryDto>>
{
    public async ValueTask<Page<AuditEntryDto>> Handle(GetAuditLogQuery query, CancellationToken cancellationToken)
    {
        var size = PageLimits.Clamp(query.Limit);
        var entries = db.AuditEntries.AsNoTracking();
        if (query.ActorId is { } actor)
        {
            entries = entries.Where(e => e.ActorId == actor);
        }

        if (!string.IsNullOrEmpty(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }

        if (query.From is { } from)
        {
            var fromUtc = JapanTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.At >= fromUtc);
        }

        if (query.To is { } to)
        {
            var toUtc = JapanTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.At < toUtc);
        }

        if (KeysetCursor.Decode(query.Cursor) is { } after)
        {
            entries = entries.Where(e => e.At < after.At || (e.At == after.At && e.Id.CompareTo(after.Id) < 0));
        }

        var rows = await entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(size + 1)
            .Join(directory.Cards, e => e.ActorId, c => c.Id, (e, c) => new { Entry = e, c.Nickname })
            .OrderByDescending(x => x.Entry.At).ThenByDescending(x => x.Entry.Id)
            .Select(x => new AuditEntryDto(x.Entry.Id, x.Entry.ActorId, x.Nickname, x.Entry.Action, x.Entry.TargetType, x.Entry.TargetId, x.Entry.ItemId, x.Entry.Note, x.Entry.At))
            .ToListAsync(cancellationToken);
        var next = rows.Count > size ? new KeysetCursor(rows[size - 1].At, rows[size - 1].Id).Encode() : null;
        return new Page<AuditEntryDto>(rows.Take(size).ToList(), next);
    }
}
