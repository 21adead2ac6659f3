using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Persistence;
using Salon.Domain.Members;

namespace Salon.Application.Members;

/// <summary>The Members module's persistence port. Only this module uses it.</summary>
public interface IMembersDb : IDatabaseTransactions, IDatabaseErrors
{
    DbSet<Member> Members { get; }

    DbSet<SignUp> SignUps { get; }

    DbSet<MemberBlock> MemberBlocks { get; }

    DbSet<MemberSession> MemberSessions { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
