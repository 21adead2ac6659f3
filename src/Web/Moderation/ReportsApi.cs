using Salon.Web.Api;

namespace Salon.Web.Moderation;

/// <summary>Reports (<c>POST /api/reports</c>). The staff console's routes go here too.</summary>
public static class ModerationRoutes
{
    public static readonly ApiRoute Report = new("POST", "/api/reports");
}

public sealed record ReportFiled(Guid Id);

public static class ReportsApi
{
    /// <summary>The reasons a member can give, in the order the report page lists them, with its words.</summary>
    public static IReadOnlyList<(string Value, string Label, string Help)> Reasons { get; } =
    [
        ("worried_about_member", "この人が心配", "つらそう、危ないかもしれないと感じたとき。運営チームが見守り、書いた人には、だれからとは伝えずに相談窓口の案内が届きます。"),
        ("harassment", "攻撃的・嫌がらせ", "ほかの人を傷つける書きこみ。"),
        ("personal_info", "個人が特定できる情報", "本名、住所、病院名などが書かれている。"),
        ("medical_misinformation", "医療についての誤った情報", "治療や薬について、危険な誤解を招く内容。"),
        ("spam", "宣伝・スパム", "勧誘や宣伝、関係のない書きこみ。"),
        ("other", "その他", "上のどれにもあてはまらないとき。メモに書いてください。"),
    ];

    public static Task<ApiResult<ReportFiled>> ReportAsync(this SalonApiClient api, Guid postId, string reason, string? note) =>
        api.SendAsync<ReportFiled>(ModerationRoutes.Report, body: new { postId, reason, note });
}
