namespace Salon.Web.Staff;

/// <summary>One section of the staff console: where it is, what it is called, and which roles see it (any of
/// them). The staff menu and the staff home page list these; a new staff page adds one line here. Showing a
/// link decides nothing: every staff page asks the API, which refuses (403) whoever lacks the role.</summary>
public sealed record StaffSection(string Href, string Label, string Description, IReadOnlyList<string> Roles, bool InMenu = true)
{
    public bool IsFor(IReadOnlyCollection<string> roles) => Roles.Any(roles.Contains);
}

public static class StaffSections
{
    public const string Moderator = "moderator";
    public const string Official = "official";
    public const string Admin = "admin";

    /// <summary>The roles that make a member staff (admins count as moderators and officials, as in the API).</summary>
    public static IReadOnlyList<string> StaffRoles { get; } = [Moderator, Official, Admin];

    public static readonly StaffSection Queue = new(
        "/staff/moderation", "確認待ち", "報告、危機のサイン、保留中の投稿を確認して対応を決めます。", [Moderator, Admin]);

    public static IReadOnlyList<StaffSection> All { get; } =
    [
        Queue,
        new("/staff/moderation/audit", "対応の記録", "だれが、いつ、何をしたか（監査ログ）。", [Moderator, Admin]),
        new("/meetings/new", "交流会を作る", "日時・形式・定員・対象の立場・締め切りを決めて、交流会を作ります。", [Official, Admin]),
        new("/meetings", "交流会の申し込み状況", "各交流会のページの「申し込み状況・編集（運営）」から、申し込みの一覧・CSV・中止へ。", [Official, Admin], InMenu: false),
        new("/announcements/manage", "お知らせの管理", "お知らせを書く・予約する・固定する・編集する。予約中のものは日本時間で一覧に。", [Official, Admin]),
        new("/insights", "サロンのようす", "登録・相談・返信・交流会の数と、返信までの時間をグラフで（管理者）。", [Admin]),
        new("/staff/watched-words", "注意する言葉", "投稿を止める・保留する・知らせる言葉の一覧。", [Admin]),
        new("/staff/roles", "運営メンバーの権限", "ニックネームで会員を探し、モデレーター・公式・管理者の権限を付けたり外したりします。", [Admin]),
        new("/hangfire", "ジョブの管理画面", "メール送信や集計など、裏で動く処理の状態（管理者用の別画面）。", [Admin], InMenu: false),
    ];

    public static bool IsStaff(IReadOnlyCollection<string> roles) => StaffRoles.Any(roles.Contains);

    public static bool IsModerator(IReadOnlyCollection<string> roles) => roles.Contains(Moderator) || roles.Contains(Admin);
}
