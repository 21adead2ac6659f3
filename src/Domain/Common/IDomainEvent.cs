namespace Salon.Domain.Common;

/// <summary>Something that happened in the domain. Implementations are immutable records.</summary>
public interface IDomainEvent;
