using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Domain.Announcements;
using Salon.Domain.Common;

namespace Salon.Application.Announcements;

internal static class AnnouncementViews
{
    /// <summary>Visible to a reader: not deleted, its time has come, and public unless the reader is signed in.</summary>
    public static IQueryable<Announcement> VisibleTo(IQueryable<Announcement> announcements, bool signedIn, bool isOfficial, DateTime now)
    {
        var visible = announcements.Where(a => a.DeletedAt == null);
        if (!isOfficial)
        {
            visible = visible.Where(a => a.PublishAt <= now);
        }

        return signedIn ? visible : visible.Where(a => a.IsPublic);
    }

    public static IQueryable<AnnouncementRow> WithAuthors(IQueryable<Announcement> announcements, IMemberDirectory directory) =>
        announcements.GroupJoin(directory.Cards, a => a.AuthorId, c => c.Id, (a, cards) => new { a, cards })
            .SelectMany(x => x.cards.DefaultIfEmpty(), (x, c) => new AnnouncementRow(x.a, c!.Nickname, (FamilyPositions?)c.FamilyPositions, (bool?)c.IsDeleted));

    public static AnnouncementDto ToDto(AnnouncementRow row, DateTime now, bool signedIn)
    {
        var a = row.Announcement;
        return new AnnouncementDto(
            a.Id,
            a.Title,
            a.Body,
            a.Pinned,
            a.IsPublic,
            a.PublishAt,
            a.CreatedAt,
            a.EditedAt,
            a.EditedAt is not null,
            a.PublishAt <= now ? "published" : "scheduled",
            // An official who left keeps no id here, as a departed author has none anywhere (ConsultationViews.Author):
            // the office signs instead, as it does for readers who are not signed in.
            signedIn && !row.AuthorGone
                ? new AnnouncementAuthorDto(a.AuthorId, row.Nickname!, FamilyPositionNames.ToNames(row.FamilyPositions ?? Domain.Common.FamilyPositions.None), IsOfficial: true)
                : new AnnouncementAuthorDto(null, Official, [], IsOfficial: true));
    }

    public static async Task<AnnouncementDto> LoadAsync(IAnnouncementsDb db, IMemberDirectory directory, Guid id, DateTime now, CancellationToken cancellationToken)
    {
        var row = await WithAuthors(db.Announcements.AsNoTracking().Where(a => a.Id == id), directory).SingleAsync(cancellationToken);
        return ToDto(row, now, signedIn: true);
    }

    /// <summary>Shown to readers who are not signed in, and to everyone when the official account no longer exists or
    /// its holder left.</summary>
    public static string Official => new LocalizedText("運営事務局", "Salon office").Current;

    public static SalonException NotFound() => SalonException.NotFound(new LocalizedText("お知らせが見つかりませんでした。", "The announcement was not found."));
}
