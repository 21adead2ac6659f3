namespace Salon.Application.Notifications.Contracts;

/// <summary>
/// Lets the notification list show a notice whose content is gone (deleted, hidden from the reader, written under
/// their name by someone the reader blocked, or hidden by the reader from their own view) as unavailable instead of
/// its old text. Whether a notice is available must never depend on who wrote an anonymous post (ADR 0016). Each module that owns content notices
/// point at implements it in its own Application layer and registers it in its module entry point
/// (Consultations: topics and replies; Announcements: announcements). Called once per page of notices.
/// </summary>
public interface INoticeSubjects
{
    /// <summary>The ids (topic, post or announcement ids) among <paramref name="subjects"/> that the reader can no
    /// longer see.</summary>
    Task<IReadOnlySet<Guid>> UnavailableAsync(Guid readerId, IReadOnlyCollection<NoticeSubject> subjects, CancellationToken cancellationToken);
}
