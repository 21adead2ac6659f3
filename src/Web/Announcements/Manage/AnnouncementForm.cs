using Salon.Web.Api;
using Salon.Web.Shared;

namespace Salon.Web.Announcements.Manage;

/// <summary>The お知らせ form as posted. <see cref="Step"/> is the pressed button: <c>preview</c> shows the
/// announcement as members will read it, <c>save</c> sends it. <see cref="When"/>: <c>now</c> or <c>schedule</c>
/// (then <see cref="PublishAt"/>, a <c>datetime-local</c> value in Japan time). A field that was not posted is empty
/// (the form binder would set it to null).</summary>
public sealed class AnnouncementForm
{
    public string Title { get; set => field = value ?? ""; } = "";

    public string Body { get; set => field = value ?? ""; } = "";

    public bool Pinned { get; set; }

    public bool Public { get; set; }

    public string When { get; set => field = value ?? ""; } = "now";

    public string PublishAt { get; set => field = value ?? ""; } = "";

    public string Step { get; set => field = value ?? ""; } = "";

    public static AnnouncementForm From(ManagedAnnouncement announcement) => new()
    {
        Title = announcement.Title,
        Body = announcement.Body,
        Pinned = announcement.Pinned,
        Public = announcement.Public,
        When = announcement.Scheduled ? "schedule" : "now",
        PublishAt = announcement.Scheduled ? JstTimes.ToInput(announcement.PublishAt) : "",
    };

    /// <summary>The publication time to send: null for 「今すぐ」 on a new one or for an already published one (its time
    /// cannot move), now for a scheduled one published early. A schedule needs a time still to come: the API would
    /// otherwise publish at once, which the official did not ask for; that is this form's own question, so it is
    /// answered here (as a problem on <c>publishAt</c>).</summary>
    public (DateTime? PublishAt, ApiProblem? Problem) Schedule(ManagedAnnouncement? current, DateTime now)
    {
        if (current is { Scheduled: false })
        {
            return (null, null);
        }

        if (When != "schedule")
        {
            return (current is null ? null : now, null);
        }

        return JstTimes.FromInput(PublishAt) is { } at && at > now
            ? (at, null)
            : (null, new ApiProblem(400, "publish-at", "公開する日時を確かめてください。", null,
                new Dictionary<string, string[]> { ["publishAt"] = ["予約するときは、これから先の日時（日本時間）を入力してください。"] }, null));
    }
}
