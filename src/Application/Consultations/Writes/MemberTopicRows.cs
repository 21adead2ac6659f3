using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Persistence;
using Salon.Application.Members.Contracts;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.Writes;

/// <summary>The rows a member keeps about a topic or post (follow, bookmark, read mark, hidden post), one per topic and member. They are
/// looked for and written under the member's row lock (<see cref="IMemberDirectory.LockAsync"/>), in one transaction,
/// so two requests of one member at once (a double tap, two tabs, a reply and a follow) never both insert the same
/// row: there is no unique-key failure to catch (docs/adr/0018).</summary>
internal static class MemberTopicRows
{
    /// <summary>Adds the row unless it exists. A repeat finds it without writing; otherwise the look is repeated under
    /// the lock.</summary>
    public static async Task AddOnceAsync<TRow>(
        IConsultationsDb db,
        IMemberDirectory directory,
        Guid memberId,
        DbSet<TRow> rows,
        Expression<Func<TRow, bool>> existing,
        Func<TRow> create,
        CancellationToken cancellationToken)
        where TRow : class
    {
        if (await rows.AnyAsync(existing, cancellationToken))
        {
            return;
        }

        await WriteAsync(db, directory, memberId, ct => StageOnceAsync(rows, existing, create, ct), cancellationToken);
    }

    /// <summary>Runs <paramref name="stage"/> under the member's row lock, then saves, in one transaction.</summary>
    public static Task WriteAsync(IConsultationsDb db, IMemberDirectory directory, Guid memberId, Func<CancellationToken, Task> stage, CancellationToken cancellationToken) =>
        db.InTransactionAsync(
            async ct =>
            {
                await directory.LockAsync(memberId, ct);
                await stage(ct);
                await db.SaveChangesAsync(ct);
            },
            cancellationToken);

    /// <summary>Stages a follow unless the member already follows the topic. Only under the member's row lock (a
    /// reply, posted under it, makes its author follow).</summary>
    public static Task StageFollowAsync(IConsultationsDb db, Guid topicId, Guid memberId, DateTime now, CancellationToken cancellationToken) =>
        StageOnceAsync(db.TopicFollows, f => f.TopicId == topicId && f.MemberId == memberId, () => new TopicFollow(topicId, memberId, now), cancellationToken);

    private static async Task StageOnceAsync<TRow>(DbSet<TRow> rows, Expression<Func<TRow, bool>> existing, Func<TRow> create, CancellationToken cancellationToken)
        where TRow : class
    {
        if (!await rows.AnyAsync(existing, cancellationToken))
        {
            rows.Add(create());
        }
    }
}
