using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Members.Sessions;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.Login;

/// <summary>POST /api/auth/login.</summary>
public sealed record LoginCommand(string Email, string Password) : ICommand<TokenResponse>;

public sealed class LoginCommandValidator : AbstractValidator<LoginCommand>
{
    public LoginCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(1000);
    }
}

public sealed class LoginCommandHandler(IMembersDb db, IIdentityService identity, SessionTokens sessions, TimeProvider time)
    : ICommandHandler<LoginCommand, TokenResponse>
{
    public async ValueTask<TokenResponse> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var member = await CheckPasswordAsync(db, identity, command.Email, command.Password, time.UtcNow(), cancellationToken);
        var tokens = sessions.StartSession(member.Id);
        await db.SaveChangesAsync(cancellationToken);
        return tokens;
    }

    /// <summary>The checks every password sign-in makes (API login, dashboard): credentials with lockout,
    /// a confirmed address, a member neither deleted nor suspended. Failed attempts are committed.</summary>
    internal static async Task<Member> CheckPasswordAsync(IMembersDb db, IIdentityService identity, string email, string password, DateTime now, CancellationToken cancellationToken)
    {
        var result = await identity.PasswordSignInAsync(email.Trim(), password, cancellationToken);

        // Failed attempts count towards lockout even though the sign-in fails: commit them first.
        await db.SaveChangesAsync(cancellationToken);

        switch (result.Status)
        {
            case PasswordSignInStatus.LockedOut:
                throw LockedOut(result.LockedOutUntil);
            case PasswordSignInStatus.InvalidCredentials:
                throw InvalidCredentials();
        }

        var memberId = result.MemberId!.Value;
        if (!result.EmailConfirmed)
        {
            throw new SalonException(
                ErrorKind.Forbidden,
                "email-not-confirmed",
                new LocalizedText(
                    "メールアドレスの確認が済んでいません。届いたメールのリンクを開いてください。メールが見つからない場合は再送できます。",
                    "Your e-mail address is not confirmed yet. Open the link in the e-mail we sent; you can ask for it again."));
        }

        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null || member.Status == MemberStatus.Deleted)
        {
            throw InvalidCredentials();
        }

        if (member.IsSuspendedAt(now))
        {
            throw Suspended(member.SuspendedUntil);
        }

        return member;
    }

    internal static SalonException InvalidCredentials() => SalonException.Unauthenticated(
        "invalid-credentials",
        new LocalizedText("メールアドレスまたはパスワードが正しくありません。", "The e-mail address or password is incorrect."));

    internal static SalonException LockedOut(DateTime? until) => new(
        ErrorKind.Forbidden,
        "account-locked",
        new LocalizedText(
            "ログインに続けて失敗したため、しばらくログインできません。時間をおいて試すか、パスワードを再設定してください。",
            "Too many failed sign-ins. Try again later, or reset your password."),
        new Dictionary<string, object?> { ["lockedUntil"] = until?.ToString("O", CultureInfo.InvariantCulture) });

    internal static SalonException Suspended(DateTime? until) => new(
        ErrorKind.Forbidden,
        "account-suspended",
        until is null
            ? new LocalizedText("このアカウントは利用停止中です。", "This account is suspended.")
            : new LocalizedText(
                $"このアカウントは {until.Value.AddHours(9).ToString("yyyy年M月d日 H:mm", CultureInfo.InvariantCulture)}（日本時間）まで利用停止中です。",
                $"This account is suspended until {until.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC."),
        new Dictionary<string, object?> { ["suspendedUntil"] = until?.ToString("O", CultureInfo.InvariantCulture) });
}
