namespace Salon.Application.Members.StartDashboardSession;

public sealed record DashboardSession(Guid MemberId, Guid SessionId, DateTime ExpiresAt);
