using Salon.Domain.Common;

namespace Salon.Domain.Consultations;

/// <summary>Limits and checks shared by topics and replies.</summary>
public static class PostRules
{
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 10_000;
    public const int ContentWarningMaxLength = 50;
    public const int MaxTags = 5;

    /// <summary>Shown in place of a deleted reply, so the replies around it still make sense.</summary>
    public static readonly LocalizedText DeletedPlaceholder = new("この投稿は削除されました", "This post was deleted.");

    public static string Title(string title)
    {
        var trimmed = title.Trim();
        if (trimmed.Length is 0 or > TitleMaxLength)
        {
            throw ConsultationErrors.TitleLength.ForField("title");
        }

        return trimmed;
    }

    public static string Body(string body)
    {
        var trimmed = body.Trim();
        if (trimmed.Length is 0 or > BodyMaxLength)
        {
            throw ConsultationErrors.BodyLength.ForField("body");
        }

        return trimmed;
    }

    public static string? ContentWarning(string? warning)
    {
        var trimmed = warning?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > ContentWarningMaxLength)
        {
            throw ConsultationErrors.ContentWarningLength.ForField("contentWarning");
        }

        return trimmed;
    }

    public static SalonException Gone() => SalonException.NotFound(new LocalizedText("投稿が見つかりませんでした。", "The post was not found."));
}
