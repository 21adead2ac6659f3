using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Security;
using Salon.Application.Common.Time;
using Salon.Application.Common.Validation;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.Register;

/// <summary>POST /api/auth/register.</summary>
public sealed record RegisterCommand(
    string Email,
    string Password,
    string Nickname,
    IReadOnlyList<string> FamilyPositions,
    bool AcceptTerms,
    bool ConsentSensitiveInfo) : ICommand<RegisterResult>;

public sealed class RegisterCommandValidator : AbstractValidator<RegisterCommand>
{
    public RegisterCommandValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).ValidNewPassword();
        RuleFor(c => c.Nickname).ValidNickname();
        RuleFor(c => c.FamilyPositions).ValidFamilyPositions();
        RuleFor(c => c.AcceptTerms).Equal(true)
            .WithMessage(_ => new LocalizedText("利用規約への同意が必要です。", "You must accept the terms.").Current);
        RuleFor(c => c.ConsentSensitiveInfo).Equal(true)
            .WithMessage(_ => new LocalizedText(
                "要配慮個人情報（家族の病気に関する情報など）の取扱いへの同意が必要です。",
                "You must consent to the handling of sensitive information (such as your relative's illness).").Current);
    }
}

public sealed class RegisterCommandHandler(
    IMembersDb db,
    IIdentityService identity,
    IEmailOutbox outbox,
    TimeProvider time,
    IOptions<SalonOptions> options,
    IOptions<RetentionOptions> retention) : ICommandHandler<RegisterCommand, RegisterResult>
{
    /// <summary>The same work and the same answer whether or not the address has an account: a sign-up
    /// that holds the nickname and the hashed password, and one e-mail to the address. Only the e-mail
    /// differs: a confirmation link for a new address, "you already have an account" otherwise.</summary>
    public async ValueTask<RegisterResult> Handle(RegisterCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var nickname = Nickname.EnsureValid(command.Nickname);
        await NicknameRules.EnsureAvailableAsync(db, nickname, exceptMemberId: null, now, cancellationToken);

        var email = command.Email.Trim();
        var signUp = SignUp.Start(
            Member.NewId(),
            email,
            identity.NormalizeEmail(email),
            await identity.HashNewPasswordAsync(command.Password, "password"),
            nickname,
            FamilyPositionNames.Parse(command.FamilyPositions),
            options.Value.TermsVersion,
            options.Value.SensitiveInfoConsentVersion,
            now,
            retention.Value.UnconfirmedAccounts);
        db.SignUps.Add(signUp);

        var owner = await identity.FindByEmailAsync(email, cancellationToken);
        if (owner is null)
        {
            var token = TokenHash.NewSecret();
            signUp.IssueToken(TokenHash.Of(token), now);
            outbox.Enqueue(MemberEmails.Confirmation(signUp.Id, email, token, options.Value.PublicBaseUrl));
        }
        else
        {
            outbox.Enqueue(MemberEmails.AlreadyRegistered(owner.MemberId, email, options.Value.PublicBaseUrl));
        }

        // An expired sign-up may still hold the nickname's unique key until the daily clean-up removes it.
        var held = signUp.HeldNickname;
        await db.SignUps.Where(s => s.HeldNickname == held && s.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.HeldNickname, (string?)null), cancellationToken);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (db.IsUniqueKeyViolation(ex))
        {
            // Lost a race for the same nickname between the check and the commit.
            throw NicknameRules.Taken();
        }

        return new RegisterResult(signUp.Id, nickname, EmailConfirmationRequired: true);
    }
}
