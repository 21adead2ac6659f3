using Salon.Domain.Announcements.Events;
using Salon.Domain.Common;

namespace Salon.Domain.Announcements;

/// <summary>An official notice (お知らせ). Invisible until <see cref="PublishAt"/>; public ones are readable
/// without signing in. Members are told once, when it becomes visible (<see cref="PublishedAt"/>).</summary>
public sealed class Announcement : Entity
{
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 10000;

    private Announcement()
    {
        Title = string.Empty;
        Body = string.Empty;
    }

    public Guid AuthorId { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    public bool Pinned { get; private set; }

    public bool IsPublic { get; private set; }

    /// <summary>When it becomes visible (the creation time when not scheduled).</summary>
    public DateTime PublishAt { get; private set; }

    /// <summary>When members were told; null until then. Set exactly once.</summary>
    public DateTime? PublishedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? EditedAt { get; private set; }

    public DateTime? DeletedAt { get; private set; }

    /// <summary>Bumped by each change; the row lock that makes publication happen once.</summary>
    public int Version { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public static Announcement Create(Guid authorId, string title, string body, bool pinned, bool isPublic, DateTime? publishAt, DateTime now)
    {
        var announcement = new Announcement
        {
            Id = Guid.CreateVersion7(),
            AuthorId = authorId,
            Title = title.Trim(),
            Body = body.Trim(),
            Pinned = pinned,
            IsPublic = isPublic,
            PublishAt = publishAt is { } at && at > now ? at : now,
            CreatedAt = now,
        };
        announcement.PublishIfDue(now);
        return announcement;
    }

    /// <summary>Edits after publication are marked; the schedule can move only while still unpublished.</summary>
    public void Edit(string title, string body, bool pinned, bool isPublic, DateTime? publishAt, DateTime now)
    {
        if (PublishedAt is not null)
        {
            if (publishAt is { } requested && requested != PublishAt)
            {
                throw AnnouncementErrors.AlreadyPublished.Error();
            }

            EditedAt = now;
        }
        else if (publishAt is { } at)
        {
            PublishAt = at > now ? at : now;
        }

        Title = title.Trim();
        Body = body.Trim();
        Pinned = pinned;
        IsPublic = isPublic;
        Version++;
        PublishIfDue(now);
    }

    public void Delete(DateTime now)
    {
        DeletedAt ??= now;
        Version++;
    }

    /// <summary>Marks it published and raises the event once, when its time has come.</summary>
    public bool PublishIfDue(DateTime now)
    {
        if (PublishedAt is not null || IsDeleted || PublishAt > now)
        {
            return false;
        }

        PublishedAt = now;
        Version++;
        Raise(new AnnouncementPublished(Id, AuthorId, Title, IsPublic, now));
        return true;
    }
}
