using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
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

/// <summary>The same shape whether or not the e-mail was already registered, so registration never
/// reveals who has an account; the confirmation e-mail carries what is needed to continue.</summary>
public sealed record RegisterResult(Guid Id, string Nickname, bool EmailConfirmationRequired);

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
    IOptions<SalonOptions> options) : ICommandHandler<RegisterCommand, RegisterResult>
{
    public async ValueTask<RegisterResult> Handle(RegisterCommand command, CancellationToken cancellationToken)
    {
        var nickname = Nickname.EnsureValid(command.Nickname);
        await NicknameRules.EnsureAvailableAsync(db, nickname, exceptMemberId: null, cancellationToken);

        var email = command.Email.Trim();
        var existing = (await identity.FindByEmailAsync(email, cancellationToken))?.MemberId;
        if (existing is not null)
        {
            // Tell the owner of the address, not the caller; and take as long as a registration would.
            identity.HashForEqualTiming(command.Password);
            outbox.Enqueue(MemberEmails.AlreadyRegistered(existing.Value, email, options.Value.PublicBaseUrl));
            await db.SaveChangesAsync(cancellationToken);
            return new RegisterResult(Guid.CreateVersion7(), nickname, EmailConfirmationRequired: true);
        }

        var now = time.UtcNow();
        var id = Guid.CreateVersion7();
        var member = Member.Register(
            id,
            nickname,
            FamilyPositionNames.Parse(command.FamilyPositions),
            options.Value.TermsVersion,
            options.Value.SensitiveInfoConsentVersion,
            now);
        db.Members.Add(member);
        await identity.CreateAsync(id, email, command.Password, emailConfirmed: false, cancellationToken);
        var token = await identity.CreateEmailConfirmationTokenAsync(id);
        outbox.Enqueue(MemberEmails.Confirmation(id, email, token, options.Value.PublicBaseUrl));

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race for the same nickname or address between the check and the commit.
            throw NicknameRules.Taken();
        }

        SalonMetrics.MemberRegistered();
        return new RegisterResult(id, nickname, EmailConfirmationRequired: true);
    }
}
