using System.Globalization;
using System.Text;
using Salon.Web.Shared;
using Salon.Web.Members;

namespace Salon.Web.Meetings.Manage;

/// <summary>The applicants of a meeting as a CSV file for the organisers (RFC 4180, CRLF, UTF-8 with a byte order
/// mark so Excel reads the Japanese). Written by the web client from the API's applicants list (a view of public
/// API data, like a page; ADR 0023): nickname, family positions, status, waitlist place, times in Japan time and
/// the note. Never an e-mail address: the API gives none. Cells that a spreadsheet would run as a formula
/// (=, +, -, @, tab, CR) are prefixed with an apostrophe, since nicknames and notes are typed by members.</summary>
public static class ApplicantsCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header = ["ニックネーム", "家族の立場", "状態", "キャンセル待ち順", "申し込み日時", "確定日時", "取り消し日時", "メモ"];

    /// <summary>「親・きょうだい」.</summary>
    public static string Positions(IReadOnlyList<string> positions) => string.Join("・", positions.Select(p => FamilyPositionNames.ShortLabel(p)));

    public static string Status(string status) => status switch
    {
        "accepted" => "参加確定",
        "waitlisted" => "キャンセル待ち",
        "withdrawn" => "取り消し",
        _ => status,
    };

    /// <summary>The file's bytes: the BOM, then the header and one row per application in arrival order.</summary>
    public static byte[] Write(Applicants applicants)
    {
        var text = new StringBuilder();
        Row(text, Header);
        foreach (var a in applicants.Items)
        {
            Row(text,
            [
                a.Member.Nickname,
                Positions(a.Member.FamilyPositions),
                Status(a.Status),
                applicants.WaitlistPlace(a)?.ToString(CultureInfo.InvariantCulture) ?? "",
                Time(a.AppliedAt),
                Time(a.AcceptedAt),
                Time(a.WithdrawnAt),
                a.Note ?? "",
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Time(DateTime? utc) =>
        utc is { } at
            ? Dates.ToJapan(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : "";

    private static void Row(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(Cell));
        text.Append("\r\n");
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
