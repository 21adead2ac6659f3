using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members;

internal static class NicknameRules
{
    public static SalonException Taken() => MemberErrors.NicknameTaken.Error();

    /// <summary>A nickname is taken by a member, or held by a sign-up that has not expired: whether or not
    /// that sign-up's address already had an account (ADR 0017).</summary>
    public static async Task EnsureAvailableAsync(IMembersDb db, string nickname, Guid? exceptMemberId, DateTime now, CancellationToken cancellationToken)
    {
        var normalized = Nickname.Normalize(nickname);
        var taken = await db.Members.AnyAsync(
                m => m.NormalizedNickname == normalized && (exceptMemberId == null || m.Id != exceptMemberId),
                cancellationToken)
            || await db.SignUps.AnyAsync(s => s.HeldNickname == normalized && s.ExpiresAt > now, cancellationToken);
        if (taken)
        {
            throw Taken();
        }
    }

    public static IRuleBuilderOptions<T, string> ValidNickname<T>(this IRuleBuilder<T, string> rule) => rule
        .NotEmpty()
        .Must(n => n is not null && Nickname.HasValidCharacterCount(n))
        .WithMessage(_ => new LocalizedText(
            $"ニックネームは{Nickname.MinLength}〜{Nickname.MaxLength}文字で入力してください。",
            $"Nickname must be {Nickname.MinLength} to {Nickname.MaxLength} characters.").Current)
        // Each reason its own message: a name of a few characters that is refused for its length would puzzle its writer.
        .Must(n => n is null || Nickname.FitsStoredLength(n))
        .WithMessage(_ => new LocalizedText(
            "ニックネームに重ねた記号（濁点やアクセントなど）や、長い表記に置き換わる文字が多すぎます。減らしてください。",
            "The nickname has too many combining marks or characters that expand when stored. Please use fewer.").Current)
        .Must(n => n is null || Nickname.HasOnlyPrintableCharacters(n))
        .WithMessage(_ => new LocalizedText(
            "ニックネームに使えない文字（改行や見えない文字など）が含まれています。",
            "The nickname contains characters that cannot be used (line breaks, invisible characters).").Current)
        .Must(n => n is null || !Nickname.IsReserved(n))
        .WithMessage(_ => new LocalizedText(
            "このニックネームは使えません（運営や公式と紛らわしい名前は使えません）。",
            "This nickname cannot be used (it could be mistaken for staff).").Current);
}
