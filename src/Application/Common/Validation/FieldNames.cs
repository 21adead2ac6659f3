using Salon.Domain.Common;

namespace Salon.Application.Common.Validation;

/// <summary>How fields are named inside validation messages, in the caller's language.</summary>
public static class FieldNames
{
    private static readonly Dictionary<string, LocalizedText> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Email"] = new("メールアドレス", "E-mail address"),
        ["NewEmail"] = new("新しいメールアドレス", "New e-mail address"),
        ["Password"] = new("パスワード", "Password"),
        ["CurrentPassword"] = new("現在のパスワード", "Current password"),
        ["NewPassword"] = new("新しいパスワード", "New password"),
        ["Nickname"] = new("ニックネーム", "Nickname"),
        ["FamilyPositions"] = new("家族の立場", "Family positions"),
        ["Bio"] = new("自己紹介", "Bio"),
        ["Token"] = new("確認コード", "Token"),
        ["RefreshToken"] = new("リフレッシュトークン", "Refresh token"),
        ["UserId"] = new("ユーザーID", "User id"),
        ["AcceptTerms"] = new("利用規約への同意", "Acceptance of the terms"),
        ["ConsentSensitiveInfo"] = new("要配慮個人情報の取扱いへの同意", "Consent to the handling of sensitive information"),
        ["ContentHandling"] = new("投稿の扱い", "Content handling"),
        ["Roles"] = new("ロール", "Roles"),
        ["Tags"] = new("タグ", "Tags"),
        ["Kinds"] = new("通知の種類", "Notification kinds"),
        ["Words"] = new("語句", "Words"),
        ["From"] = new("開始日", "Start date"),
        ["To"] = new("終了日", "End date"),
    };

    public static string Display(string? propertyName)
    {
        if (string.IsNullOrEmpty(propertyName))
        {
            return string.Empty;
        }

        return Names.TryGetValue(propertyName, out var text) ? text.Current : propertyName;
    }
}
