using Salon.Application.Common.Statistics;
using Salon.Domain.Common;

namespace Salon.Application.Members.Contracts;

/// <summary>Aggregate figures about members, for Insights. Counts only, computed in the database.</summary>
public interface IMemberStatistics
{
    /// <summary>Accounts created in [fromUtc, toUtc), per Tokyo month (including accounts later deleted:
    /// they did register).</summary>
    Task<IReadOnlyList<MonthCount>> RegistrationsPerMonthAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>Current (not deleted) members holding each family position; a member may hold several.</summary>
    Task<IReadOnlyDictionary<FamilyPositions, int>> MembersByFamilyPositionAsync(CancellationToken cancellationToken);
}
