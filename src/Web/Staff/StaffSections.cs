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
        new("/staff/watched-words", "注意する言葉", "投稿を止める・保留する・知らせる言葉の一覧。", [Admin]),
        new("/staff/roles", "運営メンバーの権限", "ニックネームで会員を探し、モデレーター・公式・管理者の権限を付けたり外したりします。", [Admin]),
        new("/hangfire", "ジョブの管理画面", "メール送信や集計など、裏で動く処理の状態（管理者用の別画面）。", [Admin], InMenu: false),
    ];

    public static bool IsStaff(IReadOnlyCollection<string> roles) => StaffRoles.Any(roles.Contains);

    public static bool IsModerator(IReadOnlyCollection<string> roles) => roles.Contains(Moderator) || roles.Contains(Admin);
}
