namespace Salon.Infrastructure.Persistence;

/// <summary>Told after a commit that left work for a job (outbox e-mail, announcement notices), so it can start at
/// once instead of waiting for the next scheduled run.</summary>
public interface IOutboxSignal
{
    void OutboxWritten();

    /// <summary>A commit published an announcement: its notices are due (<c>DeliverAnnouncementNoticesCommand</c>).</summary>
    void AnnouncementNoticesDue();
}
