using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Time;
using Salon.Application.Common.Validation;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.CreateAdmin;

/// <summary>The command-line verb <c>create-admin</c>: creates the first admin (e-mail already confirmed),
/// or grants admin to an existing account with that e-mail. Staff may use names like 「サロン運営」.</summary>
public sealed record CreateAdminCommand(string Email, string Nickname, string Password) : ICommand<CreateAdminResult>;

public sealed class CreateAdminCommandValidator : AbstractValidator<CreateAdminCommand>
{
    public CreateAdminCommandValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).ValidNewPassword();
        RuleFor(c => c.Nickname).NotEmpty()
            .Must(n => n is not null && Nickname.HasValidLength(n) && Nickname.HasOnlyPrintableCharacters(n));
    }
}

public sealed class CreateAdminCommandHandler(IMembersDb db, IIdentityService identity, TimeProvider time, IOptions<SalonOptions> options)
    : ICommandHandler<CreateAdminCommand, CreateAdminResult>
{
    public async ValueTask<CreateAdminResult> Handle(CreateAdminCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var existing = (await identity.FindByEmailAsync(command.Email.Trim(), cancellationToken))?.MemberId;
        if (existing is not null)
        {
            var member = await db.Members.SingleOrDefaultAsync(m => m.Id == existing.Value, cancellationToken)
                ?? throw SalonException.NotFound();
            member.SetRoles(member.Roles | MemberRoles.Admin, now);
            await db.SaveChangesAsync(cancellationToken);
            return new CreateAdminResult(member.Id, Created: false);
        }

        await NicknameRules.EnsureAvailableAsync(db, command.Nickname, exceptMemberId: null, now, cancellationToken);
        var id = Member.NewId();
        var admin = Member.Register(
            id,
            command.Nickname,
            FamilyPositions.Other,
            options.Value.TermsVersion,
            options.Value.SensitiveInfoConsentVersion,
            now,
            allowReservedNickname: true);
        admin.SetRoles(MemberRoles.Admin | MemberRoles.Official, now);
        db.Members.Add(admin);
        await identity.CreateAsync(id, command.Email.Trim(), await identity.HashNewPasswordAsync(command.Password, "password"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new CreateAdminResult(id, Created: true);
    }
}
