namespace Salon.Infrastructure.Persistence.Transfer;

/// <summary>A move that must not start, with the reason for the operator.</summary>
public sealed class MoveRefusedException(string message) : Exception(message);
