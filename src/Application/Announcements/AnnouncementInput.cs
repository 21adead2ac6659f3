using FluentValidation;
using Salon.Domain.Announcements;
using Salon.Domain.Common;

namespace Salon.Application.Announcements;

internal static class AnnouncementInput
{

    public static IRuleBuilderOptions<T, string?> ValidTitle<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(t => t is not null && t.Trim().Length is >= 1 and <= Announcement.TitleMaxLength)
        .WithMessage(_ => new LocalizedText(
            $"タイトルは1〜{Announcement.TitleMaxLength}文字で入力してください。",
            $"The title must be 1 to {Announcement.TitleMaxLength} characters.").Current);

    public static IRuleBuilderOptions<T, string?> ValidBody<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(b => b is not null && b.Trim().Length is >= 1 and <= Announcement.BodyMaxLength)
        .WithMessage(_ => new LocalizedText(
            $"本文は1〜{Announcement.BodyMaxLength}文字で入力してください。",
            $"The text must be 1 to {Announcement.BodyMaxLength} characters.").Current);
}
