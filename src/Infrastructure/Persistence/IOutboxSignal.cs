namespace Salon.Infrastructure.Persistence;

/// <summary>Told after a commit that wrote outbox e-mail, so delivery can start at once instead of
/// waiting for the next scheduled run.</summary>
public interface IOutboxSignal
{
    void OutboxWritten();
}
