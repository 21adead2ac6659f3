using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Statistics;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.Statistics;

public sealed class MemberStatistics(IMembersDb db) : IMemberStatistics
{
    public Task<IReadOnlyList<MonthCount>> RegistrationsPerMonthAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        db.Members.AsNoTracking()
            .Where(m => m.CreatedAt >= fromUtc && m.CreatedAt < toUtc)
            .Select(m => m.CreatedAt)
            .PerTokyoMonthAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<FamilyPositions, int>> MembersByFamilyPositionAsync(CancellationToken cancellationToken)
    {
        // GROUP BY the stored flags: at most 64 combinations come back, then each combination is
        // added to every position it contains.
        var combinations = await db.Members.AsNoTracking()
            .Where(m => m.Status != MemberStatus.Deleted)
            .GroupBy(m => m.FamilyPositions)
            .Select(g => new { Positions = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var result = Enum.GetValues<FamilyPositions>().Where(p => p != FamilyPositions.None).ToDictionary(p => p, _ => 0);
        foreach (var combination in combinations)
        {
            foreach (var position in result.Keys.Where(p => (combination.Positions & p) != 0).ToList())
            {
                result[position] += combination.Count;
            }
        }

        return result;
    }
}
