using Salon.Web.Api;

namespace Salon.Web.Moderation;

/// <summary>The moderators' and admins' routes (<c>/api/moderation</c> and <c>/api/admin</c>; README "Moderation"),
/// for the staff pages. Every one of them answers 403 to a member without the role.</summary>
public static class ModerationStaffRoutes
{
    public static readonly ApiRoute Queue = new("GET", "/api/moderation/queue");
    public static readonly ApiRoute QueueCount = new("GET", "/api/moderation/queue/count");
    public static readonly ApiRoute Resolve = new("POST", "/api/moderation/items/{id}/resolve");
    public static readonly ApiRoute Suspend = new("POST", "/api/moderation/members/{id}/suspend");
    public static readonly ApiRoute Unsuspend = new("POST", "/api/moderation/members/{id}/unsuspend");
    public static readonly ApiRoute Audit = new("GET", "/api/moderation/audit");
    public static readonly ApiRoute WatchedWords = new("GET", "/api/moderation/watched-words");
    public static readonly ApiRoute ReplaceWatchedWords = new("PUT", "/api/moderation/watched-words");
}

public sealed record QueueCount(int Open, int Priority);

/// <summary>A member as the queue names them: always the real nickname, even for anonymous posts (staff only).</summary>
public sealed record QueueMember(Guid Id, string Nickname);

public sealed record QueuePost(
    Guid Id, string Kind, Guid TopicId, string TopicTitle, string Text, bool Anonymous, string Status, bool Deleted, DateTime CreatedAt, QueueMember? Author);

public sealed record QueueReport(string Reason, string? Note, DateTime CreatedAt);

public sealed record QueueItem(
    Guid Id, string Kind, bool Priority, string? Detail, int ReportCount, DateTime CreatedAt, QueuePost? Post, QueueMember? Member, IReadOnlyList<QueueReport> Reports);

public sealed record AuditEntry(Guid Id, Guid ActorId, string ActorNickname, string Action, string TargetType, Guid? TargetId, Guid? ItemId, string? Note, DateTime At);

public sealed record WatchedWord(string Word, string Action);

/// <summary>The filters of the audit log page, as the API takes them.</summary>
public sealed record AuditFilter(Guid? Actor, string? Action, DateOnly? From, DateOnly? To);

public static class ModerationApi
{
    public static Task<ApiResult<QueueCount>> QueueCountAsync(this SalonApiClient api) =>
        api.GetAsync<QueueCount>(ModerationStaffRoutes.QueueCount);

    public static Task<ApiResult<Page<QueueItem>>> QueueAsync(this SalonApiClient api, string? cursor, int limit) =>
        api.GetAsync<Page<QueueItem>>(ModerationStaffRoutes.Queue, query: [new("cursor", cursor), new("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    public static Task<ApiResult<NoContent>> ResolveAsync(this SalonApiClient api, Guid itemId, string action, string? note) =>
        api.SendAsync(ModerationStaffRoutes.Resolve, [itemId], new { action, note });

    public static Task<ApiResult<NoContent>> SuspendAsync(this SalonApiClient api, Guid memberId, DateTime? until, string reason) =>
        api.SendAsync(ModerationStaffRoutes.Suspend, [memberId], new { until, reason });

    public static Task<ApiResult<NoContent>> UnsuspendAsync(this SalonApiClient api, Guid memberId, string? reason) =>
        api.SendAsync(ModerationStaffRoutes.Unsuspend, [memberId], new { reason });

    public static Task<ApiResult<Page<AuditEntry>>> AuditAsync(this SalonApiClient api, AuditFilter filter, string? cursor) =>
        api.GetAsync<Page<AuditEntry>>(ModerationStaffRoutes.Audit, query:
        [
            new("actor", filter.Actor?.ToString()),
            new("action", filter.Action),
            new("from", filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("to", filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("cursor", cursor),
        ]);

    public static Task<ApiResult<IReadOnlyList<WatchedWord>>> WatchedWordsAsync(this SalonApiClient api) =>
        api.GetAsync<IReadOnlyList<WatchedWord>>(ModerationStaffRoutes.WatchedWords);

    public static Task<ApiResult<IReadOnlyList<WatchedWord>>> ReplaceWatchedWordsAsync(this SalonApiClient api, IReadOnlyList<WatchedWord> words) =>
        api.SendAsync<IReadOnlyList<WatchedWord>>(ModerationStaffRoutes.ReplaceWatchedWords, body: words);
}

/// <summary>The staff pages' words for the API's codes.</summary>
public static class ModerationText
{
    public static string Kind(string kind) => kind switch
    {
        "crisis" => "危機のサイン",
        "worried_about_member" => "「この人が心配」の報告",
        "report" => "報告",
        "held" => "保留中の投稿",
        "watched_word" => "注意する言葉",
        "needs_reply" => "返信のない相談",
        _ => kind,
    };

    public static string Reason(string reason) =>
        ReportsApi.Reasons.FirstOrDefault(r => r.Value == reason).Label ?? reason;

    public static string PostStatus(string status) => status switch
    {
        "published" => "公開中",
        "under_review" => "非表示または保留中（本人だけに見えています）",
        _ => status,
    };

    /// <summary>The decisions, in the order the form offers them, with what each does.</summary>
    public static IReadOnlyList<(string Value, string Label)> Actions { get; } =
    [
        ("dismiss", "問題なし"),
        ("hide", "非表示にする"),
        ("delete", "削除する"),
        ("restore", "表示にもどす"),
        ("warn", "書いた人に注意を送る"),
    ];

    /// <summary>The audit log's actions, for its filter and its rows.</summary>
    public static IReadOnlyList<(string Value, string Label)> AuditActions { get; } =
    [
        ("resolve:dismiss", "問題なしとした"),
        ("resolve:hide", "非表示にした"),
        ("resolve:delete", "削除した"),
        ("resolve:restore", "表示にもどした"),
        ("resolve:warn", "注意を送った"),
        ("report-hide", "報告して非表示にした"),
        ("suspend", "利用停止にした"),
        ("unsuspend", "利用停止を解除した"),
        ("watched-words:replace", "注意する言葉を変更した"),
    ];

    public static string AuditAction(string action) => AuditActions.FirstOrDefault(a => a.Value == action).Label ?? action;

    public static string WordAction(string action) => action switch
    {
        "block" => "投稿させない",
        "hold" => "保留して確認する",
        "flag" => "公開して知らせる",
        _ => action,
    };
}
