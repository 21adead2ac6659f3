namespace Salon.Domain.Notifications;

/// <summary>The in-app notices (and immediate e-mail) of one published announcement, delivered to every member in
/// batches of separate transactions (issue 15). It is written in the transaction that publishes the announcement,
/// so a publication always has its delivery. <see cref="AfterMemberId"/> is how far it got: members are taken in id
/// order, and each batch's notices and the advance of this mark commit together, under this row's lock, so every
/// member is told exactly once, across crashes (the next run resumes after the mark) and runs at the same time
/// (the second waits for the lock and then starts after the first one's mark).</summary>
public sealed class AnnouncementDelivery
{
    private AnnouncementDelivery()
    {
    }

    public Guid AnnouncementId { get; private set; }

    /// <summary>The announcement's author: never told about their own announcement.</summary>
    public Guid AuthorId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>When it was published: the time of every notice.</summary>
    public DateTime PublishedAt { get; private set; }

    /// <summary>The last member id delivered to, in id order; null before the first batch.</summary>
    public Guid? AfterMemberId { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public static AnnouncementDelivery Start(Guid announcementId, Guid authorId, string title, DateTime publishedAt) => new()
    {
        AnnouncementId = announcementId,
        AuthorId = authorId,
        Title = title,
        PublishedAt = publishedAt,
    };

    /// <summary>Records a batch: delivered up to <paramref name="lastMemberId"/>, complete when the batch was the last.</summary>
    public void Delivered(Guid? lastMemberId, bool last, DateTime now)
    {
        AfterMemberId = lastMemberId ?? AfterMemberId;
        if (last)
        {
            CompletedAt = now;
        }
    }
}
