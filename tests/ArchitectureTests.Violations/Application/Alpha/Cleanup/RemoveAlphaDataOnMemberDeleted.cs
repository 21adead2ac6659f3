using Salon.Application.Beta.Contracts;
using Salon.Domain.Beta.Events;

namespace Salon.Application.Alpha.Cleanup;

/// <summary>Planted (member-deletion handlers live in RemoveMemberData): this one is in Cleanup.</summary>
public sealed class RemoveAlphaDataOnMemberDeleted : IDomainEventHandler<MemberDeleted>
{
    public Task HandleAsync(MemberDeleted domainEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}
