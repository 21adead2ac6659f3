using Salon.Domain.Common;

namespace Salon.Domain.Announcements;

/// <summary>The Announcements module's error catalogue (see <see cref="ErrorCode"/>).</summary>
public static class AnnouncementErrors
{
    public static readonly ErrorCode AlreadyPublished = new(
        "already-published",
        ErrorKind.Rule,
        new LocalizedText("公開済みのお知らせの公開日時は変更できません。", "An announcement that is already published cannot be rescheduled."));
}
