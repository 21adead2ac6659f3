
namespace Salon.Application.Members.Contracts;

/// <summary>"Blocker blocked Blocked".</summary>
public sealed record BlockPair
{
    public Guid BlockerId { get; init; }

    public Guid BlockedId { get; init; }
}
